package com.nija.shared.venues.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueResponse;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alpaca's refusals (error body {@code {"code", "message"}}; rate-limit headers of "Rate Limits"). */
class AlpacaErrorsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-06-16T12:00:00Z"), ZoneOffset.UTC);
    private static final long NOW = CLOCK.instant().getEpochSecond();

    @Test
    @DisplayName("Only the 422 saying client_order_id must be unique is a duplicate; other 40010001s are refusals")
    void duplicateByMessage() {
        assertThat(AlpacaErrors.duplicateClientOrderId(response(422, "error-duplicate-client-order-id.json"))).isTrue();
        assertThat(AlpacaErrors.duplicateClientOrderId(response(422, "error-invalid-qty.json"))).isFalse();
        assertThat(AlpacaErrors.refusedOrder(response(422, "error-invalid-qty.json"), CLOCK).kind())
                .isEqualTo(BrokerException.Kind.REJECTED);
    }

    @ParameterizedTest(name = "Retry-After {0}, X-RateLimit-Reset now+{1} → {2} s")
    @CsvSource({",17,17", ",0,1", ",-30,1", ",600,60", "7,17,7", ",,60", ",soon,60"})
    @DisplayName("A 429 waits for Retry-After if sent, else until X-RateLimit-Reset (1–60 s), else a minute")
    void retryAfter(String retryAfter, String resetIn, long seconds) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        if (retryAfter != null) headers.put("Retry-After", List.of(retryAfter));
        if (resetIn != null) {
            headers.put("X-RateLimit-Reset", List.of(resetIn.matches("-?\\d+")
                    ? Long.toString(NOW + Long.parseLong(resetIn)) : resetIn));
        }
        VenueResponse response = new VenueResponse(429, HttpHeaders.of(headers, (k, v) -> true),
                AlpacaStub.body("error-rate-limited.json"));

        assertThat(AlpacaErrors.rateLimited(response, CLOCK).retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    @DisplayName("A gateway's HTML error page is read as its status alone, control characters never passed on")
    void unreadableBody() {
        VenueResponse html = new VenueResponse(502, HttpHeaders.of(Map.of(), (k, v) -> true), "<html>\u0007bad</html>");

        BrokerException e = AlpacaErrors.refusedOrder(html, CLOCK);

        assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN);
        assertThat(e.getMessage()).isEqualTo("Alpaca answered 502 to the order: it may have been placed");
    }

    private static VenueResponse response(int status, String resource) {
        return new VenueResponse(status, HttpHeaders.of(Map.of(), (k, v) -> true), AlpacaStub.body(resource));
    }
}
