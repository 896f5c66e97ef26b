package com.nija.shared.billing;

/** The body of {@code POST /api/v1/billing/checkout}: {@code {"plan":"pro","interval":"year"}}. */
public record CheckoutRequest(String plan, String interval) {}
