package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.support.Events;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The admin trader routes as an admin (or, with {@link #asTrader}, a trader) calls them, from the events fixtures. */
final class AdminTraderRoutes {
    private final ListTradersHandler list;
    private final GetTraderHandler get;
    private final PauseTraderHandler pause;
    private final ResumeTraderHandler resume;
    private final FlattenTraderHandler flatten;

    AdminTraderRoutes(ApplicationContext context) {
        list = new ListTradersHandler(context);
        get = new GetTraderHandler(context);
        pause = new PauseTraderHandler(context);
        resume = new ResumeTraderHandler(context);
        flatten = new FlattenTraderHandler(context);
    }

    /** {@code file} for trader {@code id} in place of the fixture's demo-trader, with a request id of its own. */
    static APIGatewayV2HTTPEvent onTrader(String file, String id) {
        APIGatewayV2HTTPEvent event = Events.http(file);
        Map<String, String> params = new HashMap<>();
        params.put("id", id);
        event.setPathParameters(params);
        event.setRawPath(event.getRawPath().replace("demo-trader", String.valueOf(id)));
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
        return event;
    }

    /** The same request with a trader's token (no groups) instead of an admin's. */
    static APIGatewayV2HTTPEvent asTrader(APIGatewayV2HTTPEvent event, String userId) {
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.remove("cognito:groups");
        claims.put("sub", userId);
        jwt.setClaims(claims);
        return event;
    }

    static String reason(String why) {
        return "{\"reason\": \"" + why + "\"}";
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query) {
        return list.handleRequest(Events.withQuery(Events.http("api/list-traders.json"), query), null);
    }

    APIGatewayV2HTTPResponse get(String id) {
        return get.handleRequest(onTrader("api/get-trader.json", id), null);
    }

    APIGatewayV2HTTPResponse pause(String id, String body) {
        return pause.handleRequest(Events.withBody(onTrader("api/pause-trader.json", id), body), null);
    }

    APIGatewayV2HTTPResponse resume(String id, String body) {
        return resume.handleRequest(Events.withBody(onTrader("api/resume-trader.json", id), body), null);
    }

    APIGatewayV2HTTPResponse flatten(String id, String body) {
        return flatten.handleRequest(Events.withBody(onTrader("api/flatten-trader.json", id), body), null);
    }

    APIGatewayV2HTTPResponse send(String function, APIGatewayV2HTTPEvent event) {
        return switch (function) {
            case "list-traders" -> list.handleRequest(event, null);
            case "get-trader" -> get.handleRequest(event, null);
            case "pause-trader" -> pause.handleRequest(event, null);
            case "resume-trader" -> resume.handleRequest(event, null);
            case "flatten-trader" -> flatten.handleRequest(event, null);
            default -> throw new IllegalArgumentException(function);
        };
    }
}
