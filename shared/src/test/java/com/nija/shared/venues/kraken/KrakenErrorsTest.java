package com.nija.shared.venues.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.venues.VenueRateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kraken's documented error strings (docs.kraken.com "Error messages", "Spot REST Rate Limits") → the engine's outcome. */
class KrakenErrorsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-06-16T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "EOrder:Insufficient funds | REJECTED | insufficient funds",
        "EGeneral:Invalid arguments:volume | REJECTED | invalid size",
        "EOrder:Order minimum not met | REJECTED | invalid size",
        "EOrder:Cost minimum not met | REJECTED | invalid size",
        "EQuery:Unknown asset pair | REJECTED | unknown pair",
        "EGeneral:Permission denied | REJECTED | lacks the permission",
        "EAPI:Invalid key | REJECTED | invalid API key",
        "EAPI:Invalid signature | REJECTED | invalid signature",
        "EOrder:Margin allowance exceeded | REJECTED | EOrder:Margin allowance exceeded",
        "EAPI:Invalid nonce | NOT_PLACED | nothing was placed",
        "EService:Market in cancel_only mode | NOT_PLACED | not taking new orders",
        "EService:Unavailable | UNKNOWN | EService:Unavailable",
        "EService:Busy | UNKNOWN | EService:Busy",
        "EService:Deadline elapsed | UNKNOWN | EService:Deadline elapsed",
        "EGeneral:Internal error | UNKNOWN | EGeneral:Internal error",
        "EDatabase:Internal error | UNKNOWN | EDatabase:Internal error"})
    @DisplayName("each documented error means what the engine may do next, with Kraken's reason in the message")
    void outcome(String error, Kind kind, String words) {
        BrokerException e = KrakenErrors.toException(List.of(error), CLOCK);

        assertThat(e).isNotInstanceOf(VenueRateLimitedException.class);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EAPI:Rate limit exceeded", "EOrder:Rate limit exceeded", "EOrder:Domain rate limit exceeded",
        "EGeneral:Too many requests"})
    @DisplayName("a rate limit says to wait about the time one call's room takes to come back")
    void rateLimit(String error) {
        BrokerException e = KrakenErrors.toException(List.of(error), CLOCK);

        assertThat(e).isInstanceOfSatisfying(VenueRateLimitedException.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(e.kind()).isEqualTo(Kind.NOT_PLACED);
    }

    @Test
    @DisplayName("'EService: Throttled: <time>' waits until that time, by our clock")
    void throttledUntil() {
        long in42s = CLOCK.instant().getEpochSecond() + 42;

        BrokerException e = KrakenErrors.toException(List.of("EService: Throttled: " + in42s), CLOCK);

        assertThat(e).isInstanceOfSatisfying(VenueRateLimitedException.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    @DisplayName("a temporary lockout waits the documented quarter of an hour")
    void lockout() {
        assertThat(KrakenErrors.toException(List.of("EGeneral:Temporary lockout"), CLOCK))
                .isInstanceOfSatisfying(VenueRateLimitedException.class,
                        r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(15)));
    }

    @Test
    @DisplayName("warnings (W…) are not errors")
    void warningsAreNotErrors() {
        assertThat(KrakenErrors.errorsOnly(List.of("WGeneral:Something to know", "EOrder:Insufficient funds")))
                .containsExactly("EOrder:Insufficient funds");
    }
}
