package com.nija.shared.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Key formats of the trading table")
class KeysTest {

    @Test
    @DisplayName("a trade key is the zero-padded execution time in millis, then the trade id")
    void tradeKeyFormat() {
        assertThat(Keys.trade(Instant.ofEpochMilli(1), "t-1")).isEqualTo("TRADE#0000000000001#t-1");
        assertThat(Keys.trade(Instant.parse("2026-11-27T13:00:00.123Z"), "abc"))
                .isEqualTo("TRADE#1795784400123#abc");
    }

    @Test
    @DisplayName("the other keys name what they hold")
    void otherKeyFormats() {
        assertThat(Keys.user("u1")).isEqualTo("USER#u1");
        assertThat(Keys.position("p1")).isEqualTo("POS#p1");
        assertThat(Keys.price("BTC-USD")).isEqualTo("PRICE#BTC-USD");
        assertThat(Keys.openBySymbol("BTC-USD")).isEqualTo("OPEN#BTC-USD");
        assertThat(Keys.rollupPrefix(RollupPeriod.DAY)).isEqualTo("ROLLUP#DAY#");
        assertThat(Keys.rollup(RollupPeriod.DAY, Instant.parse("2026-11-27T13:00:00Z")))
                .isEqualTo("ROLLUP#DAY#2026-11-27");
        assertThat(Keys.rollup(RollupPeriod.ALL, Instant.parse("2026-11-27T13:00:00Z"))).isEqualTo("ROLLUP#ALL#ALL");
    }

    @ParameterizedTest(name = "{0} is in week {1}")
    @CsvSource({
            "2026-11-27T12:00:00Z, 2026-W48",
            "2026-12-28T00:00:00Z, 2026-W53",
            "2026-12-31T23:59:59Z, 2026-W53",
            "2027-01-01T00:00:00Z, 2026-W53",
            "2027-01-03T23:59:59Z, 2026-W53",
            "2027-01-04T00:00:00Z, 2027-W01",
            "2024-12-30T00:00:00Z, 2025-W01",
            "2021-01-03T12:00:00Z, 2020-W53",
            "2026-01-01T00:00:00Z, 2026-W01"})
    @DisplayName("weeks follow ISO-8601: Monday starts the week, and days around New Year belong to the week's year")
    void isoWeeksAtYearBoundary(String at, String week) {
        assertThat(Keys.bucket(RollupPeriod.WEEK, Instant.parse(at))).isEqualTo(week);
    }

    @Test
    @DisplayName("a week bucket is counted in UTC: Sunday 23:30 in New York is already Monday's new week")
    void weekInUtc() {
        Instant sundayEveningNewYork = OffsetDateTime.parse("2027-01-03T23:30:00-05:00").toInstant();

        assertThat(Keys.bucket(RollupPeriod.WEEK, sundayEveningNewYork)).isEqualTo("2027-W01");
    }

    @Test
    @DisplayName("an hour bucket is the UTC hour, whatever offset the time was written with")
    void hourInUtc() {
        Instant newYorkMorning = OffsetDateTime.parse("2026-11-27T08:30:00-05:00").toInstant();
        Instant lastMilli = Instant.parse("2026-11-27T13:59:59.999Z");

        assertThat(Keys.bucket(RollupPeriod.HOUR, newYorkMorning)).isEqualTo("2026-11-27T13");
        assertThat(Keys.bucket(RollupPeriod.HOUR, lastMilli)).isEqualTo("2026-11-27T13");
        assertThat(Keys.bucket(RollupPeriod.HOUR, lastMilli.plusMillis(1))).isEqualTo("2026-11-27T14");
    }

    @Test
    @DisplayName("a day bucket is the UTC date: 23:30 in New York is already tomorrow")
    void dayInUtc() {
        Instant newYorkLateEvening = OffsetDateTime.parse("2026-11-27T23:30:00-05:00").toInstant();
        Instant tokyoEarlyMorning = OffsetDateTime.parse("2026-11-28T05:00:00+09:00").toInstant();

        assertThat(Keys.bucket(RollupPeriod.DAY, newYorkLateEvening)).isEqualTo("2026-11-28");
        assertThat(Keys.bucket(RollupPeriod.DAY, tokyoEarlyMorning)).isEqualTo("2026-11-27");
    }

    @Test
    @DisplayName("buckets don't change with the machine's time zone (the build runs tests 14 hours ahead of UTC)")
    void independentOfDefaultTimeZone() {
        Instant at = Instant.parse("2026-12-31T23:30:00Z");
        // The pom sets TZ for every test JVM; in UTC this test could not tell a UTC bucket from a local one.
        assertThat(TimeZone.getDefault().getOffset(at.toEpochMilli())).as("the JVM zone (Maven sets TZ=%s)",
                "Pacific/Kiritimati").isEqualTo(14 * 3_600_000);

        String hour = Keys.bucket(RollupPeriod.HOUR, at);
        String day = Keys.bucket(RollupPeriod.DAY, at);
        String week = Keys.bucket(RollupPeriod.WEEK, at);

        assertThat(hour).isEqualTo("2026-12-31T23");
        assertThat(day).isEqualTo("2026-12-31");
        assertThat(week).isEqualTo("2026-W53");
    }
}
