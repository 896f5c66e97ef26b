package com.nija.shared.broker;

/**
 * One order at one broker, by NIJA's order id: what a look-up or a cancel needs. A live venue is asked for it under
 * its own format of the id, on its own symbol for {@code symbol}; {@code venue} null means the paper broker.
 */
public record OrderRef(String userId, String venue, String symbol, String orderId) {}
