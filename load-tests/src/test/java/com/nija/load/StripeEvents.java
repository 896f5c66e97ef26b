package com.nija.load;

/** Minimal Stripe events in the shape of {@code events/stripe/} (an invoice renewal paid), one fresh id each. */
final class StripeEvents {
    private StripeEvents() {}

    static String invoicePaid(String id, long createdEpochSeconds) {
        return "{\"id\":\"evt_load" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + createdEpochSeconds + ",\"type\":\"invoice.paid\",\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"data\":{\"object\":{\"id\":\"in_load" + id
                + "\",\"object\":\"invoice\",\"customer\":\"cus_load" + id + "\",\"currency\":\"usd\",\"amount_due\":4900,"
                + "\"amount_paid\":4900,\"attempt_count\":1,\"billing_reason\":\"subscription_cycle\",\"status\":\"paid\","
                + "\"created\":" + createdEpochSeconds + ",\"lines\":{\"object\":\"list\",\"data\":[],\"has_more\":false}}}}";
    }
}
