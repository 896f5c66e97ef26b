package com.nija.shared.order;

/**
 * What an order does to the trader's position in its market: opens one, closes it whole, or closes part of it
 * ({@code SCALE_OUT}, which venues with partial exits will use; the planner does not produce it yet).
 */
public enum OrderIntent {
    OPEN, CLOSE, SCALE_OUT
}
