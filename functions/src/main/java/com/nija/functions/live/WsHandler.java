package com.nija.functions.live;

import io.micronaut.context.ApplicationContextBuilder;
import com.nija.functions.lambda.LambdaContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.functions.priming.Priming;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.problem.DomainException;
import com.nija.shared.problem.InvalidInputException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every WebSocket route does around its own logic: correlation ids (request, connection, user) in the log
 * context, one metrics record per invocation, domain refusals answered with an {@code error} message (the client
 * always hears why, never silence), unexpected failures logged and answered with an {@code internal} error that
 * leaks nothing. Subclasses implement {@link #handle} only.
 */
public abstract class WsHandler extends MicronautRequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    /** Singletons on first use, not all at start: see {@link LambdaContexts}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    private static final Logger LOG = LoggerFactory.getLogger(WsHandler.class);

    private final String service = Telemetry.service(getClass().getName());
    private final java.util.Collection<MessageObserver> observers;

    /** Lambda entry: builds its own application context (at init, before the SnapStart snapshot). */
    protected WsHandler() {
        super();
        registerPriming();
        observers = applicationContext.getBeansOfType(MessageObserver.class);
    }

    /** Tests and the local gateway: share one context between handlers. */
    protected WsHandler(ApplicationContext context) {
        super(context);
        registerPriming();
        observers = applicationContext.getBeansOfType(MessageObserver.class);
    }

    protected abstract APIGatewayV2WebSocketResponse handle(WsRequest request);

    /** A read-only event that runs this route's hot path before the snapshot; null for a route that would write. */
    protected APIGatewayV2WebSocketEvent primingEvent() {
        return null;
    }

    @Override
    public final APIGatewayV2WebSocketResponse execute(APIGatewayV2WebSocketEvent event) {
        APIGatewayV2WebSocketResponse response = run(event);
        for (MessageObserver observer : observers) observer.observe(event, response);
        return response;
    }

    private APIGatewayV2WebSocketResponse run(APIGatewayV2WebSocketEvent event) {
        long started = System.nanoTime();
        WsRequest request = new WsRequest(event);
        Telemetry.begin();
        MDC.put("correlation_id", String.valueOf(request.requestId()));
        request.userId().ifPresent(user -> MDC.put("user_id", user));
        try {
            return handle(request);
        } catch (DomainException refused) {
            Telemetry.record(Metric.count("Refused", "type", refused.problemType()));
            return WsReplies.error(status(refused), refused.problemType(), refused.getMessage(), request.clientId(),
                    request.action().orElse(null));
        } catch (RuntimeException e) {
            Telemetry.record(Metric.count("Error", "type", e.getClass().getSimpleName()));
            LOG.error("websocket route failed", e);
            return WsReplies.error(500, "internal", "Something went wrong on our side; quote request id "
                    + request.requestId() + " to support", request.clientId(), request.action().orElse(null));
        } finally {
            Telemetry.record(Metric.millis("Latency", (System.nanoTime() - started) / 1e6));
            Telemetry.end(service);
            MDC.remove("correlation_id");
            MDC.remove("user_id");
        }
    }

    private static int status(DomainException e) {
        return switch (e.problemType()) {
            case "not-found" -> 404;
            case "rule-violation" -> 422;
            default -> e instanceof InvalidInputException ? 400 : 409;
        };
    }

    /** A MESSAGE event for the priming user's (non-existent) connection, with {@code body}. */
    protected static APIGatewayV2WebSocketEvent primingMessage(String routeKey, String body) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType("MESSAGE");
        context.setConnectionId("snapstart-priming");
        context.setRequestId("snapstart-priming");
        context.setAuthorizer(Map.of("principalId", Priming.USER));
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        return event;
    }

    private void registerPriming() {
        APIGatewayV2WebSocketEvent priming = primingEvent();
        if (priming != null) {
            applicationContext.getBean(Priming.class).register(service, () -> APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(execute(priming).getStatusCode()).build());
        }
    }
}
