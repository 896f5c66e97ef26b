package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.config.EngineRegion;
import com.nija.shared.regions.ForwardedWrites;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a trading write that reached a region other than the engine region on to the engine region's API, with the
 * caller's own credentials (the trader's token, the source's signature over the same bytes), and answers with the
 * engine's answer. A request that was already forwarded once, or an engine that cannot be reached, gets a 503
 * problem naming the engine region with {@code Retry-After}: retrying is safe, every trading write is idempotent
 * (signal ids, closes answer 409 once closed).
 */
@Singleton
public class EngineForwarder {
    /** Set on forwarded requests; a region that is not the engine never forwards such a request again (no loops). */
    public static final String FORWARDED_FROM = "X-Nija-Forwarded-From";
    /** On every answer to a trading write: the region that ran it. */
    public static final String ENGINE_REGION = "X-Nija-Engine-Region";
    static final String RETRY_AFTER_SECONDS = "5";
    /** Headers the JDK client sets itself (and refuses), and hop-by-hop ones that must not travel further. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "http2-settings");
    private static final Logger LOG = LoggerFactory.getLogger(EngineForwarder.class);

    private final EngineRegion region;
    private final ForwardedWrites forwarded;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    public EngineForwarder(EngineRegion region, ForwardedWrites forwarded,
                           @io.micronaut.context.annotation.Value("${nija.engine-forward-timeout-seconds:10}")
                           long timeoutSeconds) {
        this.region = region;
        this.forwarded = forwarded;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
    }

    public APIGatewayV2HTTPResponse forward(ApiRequest request) {
        APIGatewayV2HTTPEvent event = request.event();
        String instance = event.getRawPath();
        if (request.header(FORWARDED_FROM).isPresent() || region.engineApiUrl().isEmpty()) {
            // Mid hand-over two regions may each name the other; the second hop stops here instead of looping.
            Telemetry.record(Metric.count("EngineUnavailable", "reason", "not-engine"));
            return unavailable("Trading runs in " + region.engine() + ", not in " + region.here()
                    + ", and that region could not take this request here; retry in a few seconds.", instance);
        }
        URI target = URI.create(region.engineApiUrl().get() + event.getRawPath()
                + (event.getRawQueryString() == null || event.getRawQueryString().isEmpty() ? ""
                : "?" + event.getRawQueryString()));
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(timeout)
                .method(event.getRequestContext().getHttp().getMethod(),
                        HttpRequest.BodyPublishers.ofString(request.rawBody(), StandardCharsets.UTF_8));
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) out.header(name, value);
            });
        }
        out.header(FORWARDED_FROM, region.here());
        HttpResponse<String> answer;
        try {
            answer = http.send(out.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("engine region {} unreachable at {}: {}", region.engine(), target, e.toString());
            Telemetry.record(Metric.count("EngineUnavailable", "reason", "unreachable"));
            return unavailable("Trading runs in " + region.engine() + ", which did not answer; retry in a few "
                    + "seconds (a retry of the same request is safe).", instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forwarding to the engine region", e);
        }
        Telemetry.count("ForwardedToEngine");
        if (request.authorized()) forwarded.answered(request.userId());
        Map<String, String> headers = new HashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":") && !values.isEmpty()) {
                headers.put(name, String.join(",", values));
            }
        });
        headers.remove("date");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.statusCode()).withHeaders(headers)
                .withBody(answer.body()).withIsBase64Encoded(false).build();
    }

    private APIGatewayV2HTTPResponse unavailable(String detail, String instance) {
        APIGatewayV2HTTPResponse response = Problems.of(503, "engine-region-elsewhere", "Trading runs in another region",
                detail, instance, Map.of("engineRegion", region.engine(), "region", region.here()));
        response.getHeaders().put("Retry-After", RETRY_AFTER_SECONDS);
        return response;
    }
}
