package com.nija.shared.billing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A verified Stripe event: its envelope and the {@code data.object} it carries, read with our own JSON mapper so
 * the fields we use don't depend on the SDK's model of one API version.
 */
public record StripeEvent(String id, String type, Instant created, boolean livemode, String apiVersion,
                          JsonNode object, JsonNode previousAttributes) {

    public String objectId() {
        return StripeJson.text(object, "id");
    }
}
