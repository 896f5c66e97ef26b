package com.nija.shared.venues;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import java.util.Optional;

/**
 * One venue's thin REST client: what the live broker needs of it, signed as the venue documents. Every failure is a
 * {@link BrokerException} whose kind tells the engine what is known: {@code REJECTED} (the venue refused; its reason
 * in the message), {@code NOT_PLACED} (certainly not placed — safe to retry; {@link VenueRateLimitedException} when
 * the venue said to slow down), {@code UNKNOWN} (no answer: look the order up by its client order id).
 *
 * <p>Fills name the order by the venue-format client order id they were placed under; fees are in the quote
 * currency; a partial fill that will fill no further is {@link Fill.Status#PARTIALLY_FILLED} with what did fill.
 */
public interface VenueClient {
    Venue venue();

    /** Places {@code order}; a duplicate client order id answers with the existing order's state, never a second order. */
    Fill place(VenueCredentials key, VenueOrder order);

    /** The order placed under {@code clientOrderId} on {@code venueSymbol}, empty when the venue has none. */
    Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId);

    /** Cancels a resting order; false when there was none open under that id. */
    boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId);

    /** An authenticated read-only call that says what the key may do. Never throws for a bad key: it reports it. */
    KeyCheck check(VenueCredentials key);

    /** {@code venueSymbol}'s order rules from the venue's public product endpoint (no key). */
    VenueRules rules(String venueSymbol);

    /** Balances and open orders, for reconciliation. */
    VenueAccount account(VenueCredentials key);
}
