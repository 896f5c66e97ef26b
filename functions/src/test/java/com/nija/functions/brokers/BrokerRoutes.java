package com.nija.functions.brokers;

import com.nija.functions.account.AcceptTermsHandler;
import com.nija.functions.admin.GraduationWaiverHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.billing.GetAccountHandler;
import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.support.BrokerKeys;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.ScriptedExchange;
import com.nija.functions.support.TestVenuesFactory;
import com.nija.shared.config.PlatformClock;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The broker-key and trading-mode routes on one context whose venues are a {@link ScriptedExchange} and whose clock
 * a test moves, called the way API Gateway calls them: the sample events under {@code events/api}, as a given trader.
 */
final class BrokerRoutes {
    private static BrokerRoutes instance;

    final ScriptedExchange exchange = new ScriptedExchange();
    final MutableClock clock = new MutableClock(PlatformClock.system().instant());
    final ApplicationContext context;
    final PutBrokerKeyHandler put;
    final ListBrokersHandler list;
    final DeleteBrokerKeyHandler delete;
    final TestBrokerKeyHandler test;
    final PutTradingModeHandler setMode;
    final GetTradingModeHandler getMode;
    final GetAccountHandler account;
    final GetDashboardHandler dashboard;
    final AcceptTermsHandler acceptTerms;
    final GraduationWaiverHandler waive;

    private BrokerRoutes() {
        Map.Entry<String, Object> venues = TestVenuesFactory.use(exchange);
        context = LocalBackends.get().newContext(Map.of(venues.getKey(), venues.getValue()), clock);
        put = new PutBrokerKeyHandler(context);
        list = new ListBrokersHandler(context);
        delete = new DeleteBrokerKeyHandler(context);
        test = new TestBrokerKeyHandler(context);
        setMode = new PutTradingModeHandler(context);
        getMode = new GetTradingModeHandler(context);
        account = new GetAccountHandler(context);
        dashboard = new GetDashboardHandler(context);
        acceptTerms = new AcceptTermsHandler(context);
        waive = new GraduationWaiverHandler(context);
    }

    /** One per test JVM, like the shared backends; every test uses traders of its own. */
    static synchronized BrokerRoutes get() {
        if (instance == null) {
            instance = new BrokerRoutes();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.context::close));
        }
        return instance;
    }

    /** {@code event} as trader {@code user} on venue {@code venue} (path parameter and raw path). */
    static APIGatewayV2HTTPEvent onVenue(String eventFile, String user, String venue) {
        APIGatewayV2HTTPEvent event = Events.http(eventFile, user);
        Map<String, String> params = new HashMap<>();
        params.put("venue", venue);
        event.setPathParameters(params);
        event.setRawPath(event.getRawPath().replace("coinbase", String.valueOf(venue)));
        return event;
    }

    APIGatewayV2HTTPResponse connect(String user, BrokerKeys.Key key) {
        return connect(user, key.venue().wire(), key.body());
    }

    APIGatewayV2HTTPResponse connect(String user, String venue, String body) {
        return put.handleRequest(Events.withBody(onVenue("api/connect-broker.json", user, venue), body), null);
    }

    APIGatewayV2HTTPResponse list(String user) {
        return list.handleRequest(Events.http("api/list-brokers.json", user), null);
    }

    APIGatewayV2HTTPResponse delete(String user, String venue) {
        return delete.handleRequest(onVenue("api/disconnect-broker.json", user, venue), null);
    }

    APIGatewayV2HTTPResponse test(String user, String venue) {
        return test.handleRequest(onVenue("api/test-broker.json", user, venue), null);
    }

    APIGatewayV2HTTPResponse setMode(String user, String body) {
        return setMode.handleRequest(Events.withBody(Events.http("api/set-trading-mode.json", user), body), null);
    }

    APIGatewayV2HTTPResponse getMode(String user) {
        return getMode.handleRequest(Events.http("api/get-trading-mode.json", user), null);
    }

    APIGatewayV2HTTPResponse account(String user) {
        return account.handleRequest(Events.http("api/get-account.json", user), null);
    }

    APIGatewayV2HTTPResponse dashboard(String user) {
        return dashboard.handleRequest(Events.http("api/get-dashboard.json", user), null);
    }

    /** Connects a fresh key of {@code venue} for {@code user} and has it pass its test; returns the key. */
    BrokerKeys.Key connectedAndTested(String user, com.nija.shared.venues.Venue venue) {
        BrokerKeys.Key key = BrokerKeys.fresh(venue);
        require(connect(user, key), 200);
        require(test(user, venue.wire()), 200);
        return key;
    }

    /** The trader accepts the terms in force ({@code POST /api/v1/account/terms}). */
    APIGatewayV2HTTPResponse acceptTerms(String user) {
        APIGatewayV2HTTPEvent event = Events.http("api/accept-terms.json", user);
        event.getRequestContext().setRequestId(java.util.UUID.randomUUID().toString());
        return acceptTerms.handleRequest(event, null);
    }

    /** An admin ({@code ops-admin}, signed in with two factors) waives {@code trader}'s graduation with {@code body}. */
    APIGatewayV2HTTPResponse waive(String trader, String body) {
        return waive.handleRequest(onTrader("api/graduation-waiver.json", trader, body), null);
    }

    /** {@code file} (an admin trader route's event) aimed at {@code trader}, with {@code body} and a fresh request id. */
    static APIGatewayV2HTTPEvent onTrader(String file, String trader, String body) {
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http(file), body);
        event.setPathParameters(new java.util.HashMap<>(Map.of("id", trader)));
        event.setRawPath(event.getRawPath().replace("demo-trader", trader));
        event.getRequestContext().setRequestId(java.util.UUID.randomUUID().toString());
        return event;
    }

    /**
     * What live trading needs besides a plan and a tested key, in place: the terms in force accepted and graduation
     * waived by an admin (tests of the plan and key rules start from here).
     */
    void readyForLive(String user) {
        require(acceptTerms(user), 200);
        require(waive(user, "{\"reason\": \"test trader: graduation is not what this test is about\"}"), 200);
    }

    static APIGatewayV2HTTPResponse require(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response;
    }
}
