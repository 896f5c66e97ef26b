package com.nija.shared.signals;

import static com.nija.shared.testing.Refusals.acceptedOrRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.engine.Signal;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Fuzzes what a signal sender controls: the body of {@code POST /api/v1/signals} (NIJA's shape and TradingView's)
 * and the {@code X-Nija-Signature} header. Each input is accepted or refused with a problem type; an accepted
 * signal names a market and an action, and an exit plan it carries keeps the rules the engine relies on.
 */
class SignalParserFuzzTest {
    /** Fixed: the seeds' timestamps are a few seconds before it, so they are fresh on every run, in every year. */
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    private static final String SECRET = "fuzz-source-secret";
    private static final Instruments INSTRUMENTS = new Instruments();

    /** The body as the intake reads it: JSON (unreadable JSON is refused before the parser), then the signal rules. */
    @FuzzTest
    void body(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        JsonNode json = Json.readTree(raw).orElse(null); // what the intake refuses as not JSON never reaches the parser

        Signal signal = json != null && json.isObject()
                ? acceptedOrRefused(() -> SignalParser.parse(json, "fuzz-source", raw, NOW, INSTRUMENTS))
                : null;

        if (signal != null) {
            assertThat(signal.symbol()).matches("[A-Z0-9]{2,10}-[A-Z]{3,4}");
            assertThat(signal.action()).isNotNull();
            assertThat(signal.signalId()).isNotBlank();
            if (signal.exits() != null) exitPlanKeepsItsRules(signal.exits());
            if (signal.explanation() != null) {
                assertThat(signal.explanation()).hasSizeLessThanOrEqualTo(Signal.MAX_EXPLANATION).startsWith("{");
            }
        }
    }

    /** What the engine relies on in an accepted plan: each rung a share of the whole, together all of it, in reach. */
    private static void exitPlanKeepsItsRules(ExitPlan exits) {
        assertThat(exits.ladder()).hasSizeLessThanOrEqualTo(ExitPlan.MAX_RUNGS);
        if (!exits.ladder().isEmpty()) {
            assertThat(exits.ladder().stream().map(ExitPlan.Rung::fraction).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("1");
            assertThat(exits.ladder()).allSatisfy(r -> assertThat(r.fraction()).isPositive());
        }
        if (exits.breakevenAfter() != null) {
            assertThat(exits.breakevenAfter()).isBetween(1, exits.ladder().size() - 1);
        }
        if (exits.trailing() != null) {
            assertThat(exits.trailing().after()).isBetween(0, Math.max(exits.ladder().size() - 1, 0));
            assertThat(exits.trailing().distanceAt(BigDecimal.TEN)).isPositive();
        }
    }

    /**
     * The signature header (the input's first line) over the body (the rest): any header either verifies or not,
     * and checking it never throws (a throw would answer an unauthenticated caller with a 500).
     */
    @FuzzTest
    void signatureHeader(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String header = newline < 0 ? text : text.substring(0, newline);
        String body = newline < 0 ? "" : text.substring(newline + 1);

        acceptedOrRefused(() -> SignalAuthenticator.signatureValid(header, body, SECRET, NOW));
    }
}
