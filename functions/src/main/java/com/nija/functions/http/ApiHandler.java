package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.priming.Priming;
import com.nija.shared.input.InputLimits;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.problem.DomainException;
import com.nija.shared.config.EngineRegion;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every HTTP route does around its own logic: correlation ids in the log context, one metrics record per
 * invocation (latency, errors by type), a token that names no trader refused with 401, domain refusals mapped to
 * problem+json, unexpected failures logged and answered with a 500 that leaks nothing. Subclasses implement
 * {@link #handle} only.
 */
public abstract class ApiHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final String service = Telemetry.service(getClass().getName());

    /** Lambda entry: builds its own application context (at init, before the SnapStart snapshot). */
    protected ApiHandler() {
        super();
        registerPriming();
    }

    /** Tests and the local gateway: share one context between handlers. */
    protected ApiHandler(ApplicationContext context) {
        super(context);
        registerPriming();
    }

    /** The route's own logic: parse, call one service, map the result. Throw domain exceptions to refuse. */
    protected abstract APIGatewayV2HTTPResponse handle(ApiRequest request);

    /**
     * A request that exercises this route's hot path without writing anything, run before the snapshot;
     * null for a route with no such path.
     */
    protected APIGatewayV2HTTPEvent primingEvent() {
        return Priming.getEvent(Priming.USER);
    }

    @Override
    public final APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        return run(event, true);
    }

    /**
     * @param guarded false for priming only: the priming request writes nothing, and is run here whatever the
     *                engine region, so the snapshot holds this route's own warm path and never a forwarded call
     */
    private APIGatewayV2HTTPResponse run(APIGatewayV2HTTPEvent event, boolean guarded) {
        long started = System.nanoTime();
        ApiRequest request = new ApiRequest(event);
        Telemetry.begin();
        MDC.put("correlation_id", String.valueOf(request.requestId()));
        request.claim("sub").filter(InputLimits.Id.USER::accepts).ifPresent(user -> MDC.put("user_id", user));
        try {
            // A token without a usable sub is refused before the route reads or writes anything.
            if (request.authorized()) request.userId();
            if (this instanceof EngineWrite) {
                EngineRegion region = applicationContext.getBean(EngineRegion.class);
                if (guarded && !region.isHere()) return applicationContext.getBean(EngineForwarder.class).forward(request);
                return servedBy(region, handle(request));
            }
            return handle(request);
        } catch (DomainException refused) {
            Telemetry.record(Metric.count("Refused", "type", refused.problemType()));
            APIGatewayV2HTTPResponse problem = Problems.from(refused, event.getRawPath());
            return this instanceof EngineWrite ? servedBy(applicationContext.getBean(EngineRegion.class), problem)
                    : problem;
        } catch (RuntimeException e) {
            Telemetry.record(Metric.count("Error", "type", e.getClass().getSimpleName()));
            LOG.error("request failed", e);
            return Problems.of(500, "internal", "Something went wrong on our side",
                    "The request was not completed. Quote request id " + request.requestId() + " to support.",
                    event.getRawPath(), Map.of());
        } finally {
            Telemetry.record(Metric.millis("Latency", (System.nanoTime() - started) / 1e6));
            Telemetry.end(service);
            MDC.remove("correlation_id");
            MDC.remove("user_id");
        }
    }

    /** Says which region ran a trading write: the engine's answer, also when another region forwarded it. */
    private static APIGatewayV2HTTPResponse servedBy(EngineRegion region, APIGatewayV2HTTPResponse response) {
        java.util.Map<String, String> headers = response.getHeaders() == null ? new java.util.HashMap<>()
                : new java.util.HashMap<>(response.getHeaders());
        headers.put(EngineForwarder.ENGINE_REGION, region.here());
        response.setHeaders(headers);
        return response;
    }

    private void registerPriming() {
        if (primingEvent() != null) {
            applicationContext.getBean(Priming.class).register(service, () -> run(primingEvent(), false));
        }
    }
}
