package com.nija.functions.http;

import io.micronaut.context.ApplicationContextBuilder;
import com.nija.functions.lambda.LambdaContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.priming.Priming;
import com.nija.shared.audit.AuditAspect;
import com.nija.shared.input.InputLimits;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.problem.DomainException;
import com.nija.shared.config.EngineRegion;
import com.nija.shared.billing.TraderApiLimits;
import com.nija.shared.ratelimit.Quota;
import com.nija.shared.ratelimit.RateLimitedException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every HTTP route does around its own logic: correlation ids in the log context, one metrics record per
 * invocation (latency, errors by type), a token that names no trader refused with 401, a staff route without a
 * second factor refused with 403 ({@link StaffMfa}), the caller's per-minute API
 * limit ({@link TraderApiLimits}: one Redis round trip, {@code X-RateLimit-*} headers on every answer, 429 beyond),
 * a person's successful change recorded in the audit trail ({@link AuditedWrites}), domain refusals mapped to
 * problem+json, unexpected failures logged and answered with a 500 that leaks nothing.
 * Subclasses implement {@link #handle} only. Routes without a token (signals, prices, webhooks, health) are not
 * limited here: they carry their own limits.
 */
public abstract class ApiHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Singletons on first use, not all at start: see {@link LambdaContexts}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    /** Staff routes (admin and finance groups) live under this path, and are limited per caller apart from tiers. */
    public static final String STAFF_PATH = "/api/v1/admin/";

    private final String service = Telemetry.service(getClass().getName());
    private final java.util.Collection<ExchangeObserver> observers;

    /** Lambda entry: builds its own application context (at init, before the SnapStart snapshot). */
    protected ApiHandler() {
        super();
        registerPriming();
        observers = applicationContext.getBeansOfType(ExchangeObserver.class);
    }

    /** Tests and the local gateway: share one context between handlers. */
    protected ApiHandler(ApplicationContext context) {
        super(context);
        registerPriming();
        observers = applicationContext.getBeansOfType(ExchangeObserver.class);
    }

    /** The route's own logic: parse, call one service, map the result. Throw domain exceptions to refuse. */
    protected abstract APIGatewayV2HTTPResponse handle(ApiRequest request);

    /** Which calls of this route the audit trail records; priming is never recorded. */
    protected AuditPolicy auditPolicy() {
        return AuditPolicy.WRITES;
    }

    /**
     * A request that exercises this route's hot path without writing anything, run before the snapshot;
     * null for a route with no such path.
     */
    protected APIGatewayV2HTTPEvent primingEvent() {
        return Priming.getEvent(Priming.USER);
    }

    @Override
    public final APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = run(event, true);
        for (ExchangeObserver observer : observers) observer.observe(event, response);
        return response;
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
        Quota quota = null;
        try {
            // A token without a usable sub is refused before the route reads or writes anything.
            String user = request.authorized() ? request.userId() : null;
            StaffMfa.require(request);
            if (this instanceof EngineWrite) {
                EngineRegion region = applicationContext.getBean(EngineRegion.class);
                // Counted where the write runs: the engine region's answer carries its headers back.
                if (guarded && !region.isHere()) return applicationContext.getBean(EngineForwarder.class).forward(request);
                quota = admit(user, event, guarded);
                return withQuota(servedBy(region, audited(request, guarded)), quota);
            }
            quota = admit(user, event, guarded);
            return withQuota(audited(request, guarded), quota);
        } catch (DomainException refused) {
            Telemetry.record(Metric.count("Refused", "type", refused.problemType()));
            APIGatewayV2HTTPResponse problem = Problems.from(refused, event.getRawPath());
            if (!(refused instanceof RateLimitedException)) withQuota(problem, quota);
            return this instanceof EngineWrite ? servedBy(applicationContext.getBean(EngineRegion.class), problem)
                    : problem;
        } catch (RuntimeException e) {
            Telemetry.record(Metric.count("Error", "type", e.getClass().getSimpleName()));
            LOG.error("request failed", e);
            return withQuota(Problems.of(500, "internal", "Something went wrong on our side",
                    "The request was not completed. Quote request id " + request.requestId() + " to support.",
                    event.getRawPath(), Map.of()), quota);
        } finally {
            Telemetry.record(Metric.millis("Latency", (System.nanoTime() - started) / 1e6));
            Telemetry.end(service);
            MDC.remove("correlation_id");
            MDC.remove("user_id");
        }
    }

    /** The route's logic, recorded in the audit trail when it is a person's change ({@link AuditedWrites}). */
    private APIGatewayV2HTTPResponse audited(ApiRequest request, boolean guarded) {
        return guarded && auditPolicy() != AuditPolicy.BY_SERVICE
                ? AuditedWrites.run(applicationContext, request, auditPolicy(), auditedAspects(), () -> handle(request))
                : handle(request);
    }

    /**
     * What this route's writes can change, read before and after each of them for the audit trail; every aspect
     * unless the route says (a route that under-states it would record a change as nothing).
     */
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.allOf(AuditAspect.class);
    }

    /**
     * Counts one call of {@code user} against their limit; null (nothing counted) for a route without a token and
     * for priming, whose synthetic trader would otherwise spend its allowance on every snapshot; null too where the
     * limiter is switched off (the read benchmark's measurement without it).
     */
    private Quota admit(String user, APIGatewayV2HTTPEvent event, boolean guarded) {
        if (user == null || !guarded) return null;
        TraderApiLimits limits = applicationContext.getBean(TraderApiLimits.class);
        if (!limits.enabled()) return null;
        boolean staff = event.getRawPath() != null && event.getRawPath().startsWith(STAFF_PATH);
        return limits.admit(user, staff);
    }

    private static APIGatewayV2HTTPResponse withQuota(APIGatewayV2HTTPResponse response, Quota quota) {
        if (quota == null) return response;
        java.util.Map<String, String> headers = response.getHeaders() == null ? new java.util.HashMap<>()
                : new java.util.HashMap<>(response.getHeaders());
        headers.putAll(RateLimitHeaders.of(quota));
        response.setHeaders(headers);
        return response;
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
