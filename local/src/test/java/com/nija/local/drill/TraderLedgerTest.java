package com.nija.local.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.trading.TradeView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The drill's reconciliation: to the cent by value, each difference naming the trader, the row and the field. */
class TraderLedgerTest {
    private static final Instant AT = Instant.parse("2031-06-16T12:00:00Z");

    private static TraderLedger ledger(String cash, String tradePrice) {
        TradeView trade = new TradeView("t-1", "o-1", "p-1", "BTC-USD", "BUY", new BigDecimal("0.5"),
                new BigDecimal(tradePrice), new BigDecimal("0.10"), null, AT);
        return new TraderLedger("alice", new BigDecimal(cash), Map.of(), Map.of("t-1", trade));
    }

    @Test
    @DisplayName("amounts written with another scale reconcile: 9950.5 is 9950.50")
    void sameValueOtherScale() {
        assertThat(ledger("9950.50", "100.00").differences(ledger("9950.5", "100"))).isEmpty();
    }

    @Test
    @DisplayName("a cent of cash or of a trade's price is a mismatch naming the trader, the trade and the field")
    void centDifferences() {
        assertThat(ledger("9950.50", "100.00").differences(ledger("9950.51", "100.01"))).containsExactly(
                "trader alice: cash 9950.50 before, 9950.51 after",
                "trader alice: trade t-1 field price: 100.00 before, 100.01 after");
    }

    @Test
    @DisplayName("a trade missing after the restore is named")
    void missingTrade() {
        TraderLedger restored = new TraderLedger("alice", new BigDecimal("9950.50"), Map.of(), Map.of());
        assertThat(ledger("9950.50", "100.00").differences(restored))
                .containsExactly("trader alice: trade t-1 missing after restore");
    }
}
