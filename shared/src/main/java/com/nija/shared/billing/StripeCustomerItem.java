package com.nija.shared.billing;

import java.time.Instant;

/**
 * The link between a Stripe customer and a NIJA trader, made by {@code checkout.session.completed} (its
 * {@code client_reference_id}). Stored twice: under {@code STRIPE#CUSTOMER#<id>} (customer → trader, what events
 * resolve) and under the trader's partition {@code USER#<id> / STRIPE_CUSTOMER#<id>} (trader → customers).
 */
public record StripeCustomerItem(String pk, String sk, String customerId, String userId, String checkoutSessionId,
                                 Instant linkedAt) {}
