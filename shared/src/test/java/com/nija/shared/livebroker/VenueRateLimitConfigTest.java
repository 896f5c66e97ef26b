package com.nija.shared.livebroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.venues.Venue;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bucket sizes per venue: {@code <tokens>/<period>} from configuration, refused at start when malformed. */
class VenueRateLimitConfigTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"30/1s, 30, PT1S", "15/45s, 15, PT45S", "200/1m, 200, PT1M", " 60 / 2s , 60, PT2S"})
    @DisplayName("a bucket reads as tokens per period")
    void parses(String text, int capacity, Duration period) {
        VenueRateLimitConfig.Bucket bucket = VenueRateLimitConfig.Bucket.parse(text);

        assertThat(bucket.capacity()).isEqualTo(capacity);
        assertThat(bucket.period()).isEqualTo(period);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"30", "30/s", "0/1s", "30/0s", "-1/1s", "30/1h", "thirty/1s", ""})
    @DisplayName("a malformed bucket is refused, naming the form it must take")
    void refusesMalformed(String text) {
        VenueRateLimitConfig config = new VenueRateLimitConfig();

        assertThatThrownBy(() -> config.setKraken(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(config.bucket(Venue.KRAKEN)).isEqualTo(VenueRateLimitConfig.Bucket.parse("15/45s"));
    }

    @Test
    @DisplayName("a venue's bucket can be set on its own")
    void setPerVenue() {
        VenueRateLimitConfig config = new VenueRateLimitConfig();

        config.setBinance("10/10s");

        assertThat(config.bucket(Venue.BINANCE)).isEqualTo(VenueRateLimitConfig.Bucket.parse("10/10s"));
        assertThat(config.bucket(Venue.OKX)).isEqualTo(VenueRateLimitConfig.Bucket.parse("60/2s"));
    }
}
