package com.nija.functions.http;

/**
 * Marks a route that writes trading state (signals, prices, orders, closes, bot state, kill switch, risk settings).
 * Only the engine region runs it; {@link ApiHandler} forwards it there from any other region (see
 * {@link EngineForwarder}), so conditional writes that keep "once" serialize in one region.
 */
public interface EngineWrite {}
