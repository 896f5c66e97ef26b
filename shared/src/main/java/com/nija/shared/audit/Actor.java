package com.nija.shared.audit;

import java.util.List;

/**
 * Who made a change, as the audit trail records them: the verified user id and groups of a person, or a system name
 * ({@code billing}) for changes no person requested through the API.
 *
 * @param requestId the API request's id (or the event's, for billing), so a record leads to its logs
 * @param sourceIp  where the request came from, as API Gateway saw it (null for system changes)
 */
public record Actor(String id, List<String> groups, String requestId, String sourceIp) {
    public Actor {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A change made by NIJA itself on someone's behalf (a Stripe event moving a tier). */
    public static Actor system(String name, String requestId) {
        return new Actor(name, List.of(), requestId, null);
    }
}
