package com.nija.shared.brokers;

/**
 * The body of {@code PUT /api/v1/trading/mode}: {@code {"mode":"live","venue":"coinbase","acknowledgeRisk":true}}
 * or {@code {"mode":"paper"}}.
 */
public record ModeRequest(String mode, String venue, Boolean acknowledgeRisk) {}
