package com.nija.shared.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueResponse;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OKX's documented error codes (docs-v5 "Error Code › REST API › Public") as the engine's outcomes. */
class OkxErrorsTest {

    @ParameterizedTest(name = "HTTP {0} code {1} → {2}")
    @CsvSource({
        "200, 51008, REJECTED, insufficient balance",
        "200, 51131, REJECTED, insufficient balance",
        "200, 51020, REJECTED, invalid size",
        "200, 51121, REJECTED, invalid size",
        "200, 51001, REJECTED, invalid or untradable instrument",
        "200, 51006, REJECTED, price outside",
        "401, 50113, REJECTED, bad key or permission",
        "401, 50111, REJECTED, bad key or permission",
        "401, 50105, REJECTED, bad key or permission",
        "401, 50102, REJECTED, clock difference",
        "200, 51024, REJECTED, account restricted",
        "200, 59999, REJECTED, refused by OKX",
        "400, 50004, UNKNOWN, no outcome",
        "500, 51149, UNKNOWN, no outcome",
        "500, 51054, UNKNOWN, no outcome",
        "500, 50026, UNKNOWN, no outcome",
        "503, 50001, UNKNOWN, no outcome"
    })
    @DisplayName("each documented code is rejected in words or left unknown")
    void codes(int status, String code, Kind kind, String words) {
        String body = "{\"code\":\"1\",\"msg\":\"Operation failed.\",\"data\":[{\"clOrdId\":\"abc\",\"ordId\":\"\","
                + "\"sCode\":\"" + code + "\",\"sMsg\":\"OKX's words\"}]}";

        BrokerException e = OkxErrors.failure("order abc", answer(status, body, Map.of()));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e).isNotInstanceOf(VenueRateLimitedException.class)
                .hasMessageContaining(words).hasMessageContaining(code).hasMessageContaining("OKX's words")
                .hasMessageStartingWith("order abc: ");
    }

    @Test
    @DisplayName("a 429 without Retry-After waits OKX's 2-second window")
    void rateLimitDefault() {
        BrokerException e = OkxErrors.failure("order abc",
                answer(429, "{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}", Map.of()));

        assertThat(e).isInstanceOfSatisfying(VenueRateLimitedException.class, r -> {
            assertThat(r.kind()).isEqualTo(Kind.NOT_PLACED);
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    @DisplayName("a Retry-After, when sent, is honoured")
    void rateLimitRetryAfter() {
        BrokerException e = OkxErrors.failure("order abc",
                answer(429, "{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}", Map.of("Retry-After", List.of("7"))));

        assertThat(e).isInstanceOfSatisfying(VenueRateLimitedException.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @ParameterizedTest(name = "code {0} under HTTP 200")
    @CsvSource({"50011", "50061", "50013"})
    @DisplayName("OKX's rate-limit codes are rate limits even under HTTP 200")
    void rateLimitCodes(String code) {
        BrokerException e = OkxErrors.failure("order abc", answer(200, "{\"code\":\"" + code + "\",\"msg\":\"\"}",
                Map.of()));

        assertThat(e).isInstanceOf(VenueRateLimitedException.class);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"502, UNKNOWN", "504, UNKNOWN", "200, UNKNOWN", "403, REJECTED", "404, REJECTED"})
    @DisplayName("a page that is not OKX's JSON: unknown under 2xx or 5xx, refused under 4xx, naming the status")
    void notOkxJson(int status, Kind kind) {
        BrokerException e = OkxErrors.failure("order abc", answer(status, "<html>gateway</html>", Map.of()));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e).hasMessageContaining("HTTP " + status).hasMessageNotContaining("<html>");
    }

    @Test
    @DisplayName("OKX's message is kept to one short line")
    void longReason() {
        String reason = "line one\nline two " + "x".repeat(5_000);

        BrokerException e = OkxErrors.failure("order abc",
                answer(200, "{\"code\":\"51000\",\"msg\":\"" + reason.replace("\n", "\\n") + "\"}", Map.of()));

        assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(300);
    }

    private static OkxAnswer answer(int status, String body, Map<String, List<String>> headers) {
        return OkxAnswer.of(new VenueResponse(status, HttpHeaders.of(headers, (name, value) -> true), body));
    }
}
