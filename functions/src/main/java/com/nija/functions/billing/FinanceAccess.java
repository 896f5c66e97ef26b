package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.priming.Priming;
import java.util.Map;
import com.nija.shared.problem.ForbiddenException;
import java.util.Set;

/** Finance routes: the caller's token must carry the finance or the admin group (the authorizer checks too). */
final class FinanceAccess {
    private static final Set<String> GROUPS = Set.of("finance", "admin");

    private FinanceAccess() {}

    static void require(ApiRequest request) {
        if (request.groups().stream().noneMatch(GROUPS::contains)) {
            throw new ForbiddenException("this needs the finance or admin group");
        }
    }

    /** Priming: the real read path, as a finance caller, with {@code query}; finance routes only read. */
    static APIGatewayV2HTTPEvent primingEvent(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER, "finance");
        event.setQueryStringParameters(query);
        return event;
    }
}
