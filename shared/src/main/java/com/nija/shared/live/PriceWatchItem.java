package com.nija.shared.live;

/**
 * A connection subscribed to a market's prices ({@code pk = WATCH#<symbol>}, {@code sk = CONN#<connection id>}),
 * so a price update finds its recipients with one query. Carries what a push needs (the owner, for the
 * connection's key, its format and the endpoint of the API it is on); expires with the connection.
 */
public record PriceWatchItem(String pk, String sk, String connectionId, String userId, String symbol, String format,
                             Long expiresAt, String endpoint) {}
