package com.nija.functions.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.shared.config.CheckpointOrder;
import com.nija.shared.observability.DryRun;
import io.micronaut.crac.OrderedResource;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before the checkpoint, each handler in this context runs its real hot path once with a
 * read-only request for a user that does not exist, so classes load, JIT warms and the SDK's marshallers are
 * built inside the snapshot. It runs first at the checkpoint, while connections are still open
 * ({@link CheckpointOrder#PRIMING}), and as a {@link DryRun}: caches are read but not filled, metrics are not
 * published, and every priming request is read-only or refused before a write. Nothing unique is created: the
 * priming request has fixed ids and time.
 */
@Singleton
public class Priming implements OrderedResource {
    /** A user id no trader can have (Cognito subs are UUIDs). */
    public static final String USER = "snapstart-priming";
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    private final Map<String, Supplier<APIGatewayV2HTTPResponse>> primers = new ConcurrentHashMap<>();

    public void register(String name, Supplier<APIGatewayV2HTTPResponse> primer) {
        primers.put(name, primer);
    }

    /** Runs every registered primer; returns each one's status code (an exception never stops the checkpoint). */
    public Map<String, Integer> prime() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        primers.forEach((name, primer) -> {
            try {
                statuses.put(name, DryRun.run(primer).getStatusCode());
            } catch (RuntimeException e) {
                LOG.warn("priming {} failed: {}", name, e.toString());
                statuses.put(name, -1);
            }
        });
        return statuses;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        LOG.info("primed before checkpoint: {}", prime());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to undo: priming only read
    }

    @Override
    public int getOrder() {
        return CheckpointOrder.PRIMING;
    }

    /** As {@link #getEvent(String)}, with the token naming {@code group} (staff routes prime as a caller allowed in). */
    public static APIGatewayV2HTTPEvent getEvent(String user, String group) {
        APIGatewayV2HTTPEvent event = getEvent(user);
        event.getRequestContext().getAuthorizer().getJwt()
                // A staff sign-in passed its second factor (staff routes require it: StaffMfa).
                .setClaims(Map.of("sub", user, "cognito:groups", "[" + group + "]", "amr", "[pwd otp mfa]"));
        return event;
    }

    /** A GET for {@code user} with fixed ids and time; handlers override the method, path and body they need. */
    public static APIGatewayV2HTTPEvent getEvent(String user) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath("/priming")
                .withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withTimeEpoch(0L)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath("/priming").withSourceIp("127.0.0.1").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", user)).build())
                                .build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }
}
