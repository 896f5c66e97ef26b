package com.nija.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an audit record keeps of the before and after summaries of a change. */
class AuditChangesTest {
    @Test
    @DisplayName("only the keys whose values changed are kept, each side with its own value")
    void onlyChangedKeys() {
        AuditChanges changes = AuditChanges.between(
                Map.of("tier", "pro", "botState", "RUNNING", "mode", "paper"),
                Map.of("tier", "pro", "botState", "PAUSED", "mode", "paper"));

        assertThat(changes.before()).containsExactly(Map.entry("botState", "RUNNING"));
        assertThat(changes.after()).containsExactly(Map.entry("botState", "PAUSED"));
    }

    @Test
    @DisplayName("a key that appears or disappears is on one side only (a broker connected, a position closed)")
    void addedAndRemoved() {
        AuditChanges changes = AuditChanges.between(Map.of("openPositions", "p-1"),
                Map.of("broker.kraken", "connected 2031-06-16T12:00:00Z"));

        assertThat(changes.before()).containsExactly(Map.entry("openPositions", "p-1"));
        assertThat(changes.after()).containsExactly(Map.entry("broker.kraken", "connected 2031-06-16T12:00:00Z"));
    }

    @Test
    @DisplayName("nothing changed (a pause of a paused bot) keeps two empty sides")
    void nothingChanged() {
        AuditChanges changes = AuditChanges.between(Map.of("botState", "PAUSED"), Map.of("botState", "PAUSED"));

        assertThat(changes.before()).isEmpty();
        assertThat(changes.after()).isEmpty();
    }

    @Test
    @DisplayName("a long value is cut at 300 characters, so a record stays small whatever it summarizes")
    void longValuesCut() {
        String many = "p-".repeat(400);

        AuditChanges changes = AuditChanges.between(Map.of(), Map.of("openPositions", many));

        assertThat(changes.after().get("openPositions")).hasSize(AuditChanges.MAX_VALUE_CHARS + 1)
                .startsWith(many.substring(0, 300)).endsWith("…");
    }
}
