package com.nija.shared.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.account.TierCatalog;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.performance.PerformanceReport;
import com.nija.shared.strategy.ApexDecision;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A small backtest computed by hand: the account driven by given APEX decisions and candles, under a new trader's
 * rules (free tier, $10,000, 2 % default size, $500 daily loss limit, shorts off; trading switched on) and the paper
 * broker's defaults (5 bps slippage against the trader, 10 bps fee rounded half up to cents).
 */
class BacktestAccountTest {
    private static final ApexStrategy APEX = new ApexStrategy(ApexParameters.load());
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration FIVE = Duration.ofMinutes(5);

    private final BacktestAccount account = new BacktestAccount(BacktestTrader.newTrader(new TierCatalog()), APEX);

    private static ApexDecision buy(String symbol, Instant close, String entry, String stop, String size) {
        return new ApexDecision(symbol, close, ApexDecision.Action.BUY, ApexDecision.Reason.ENTRY, "long", null, null,
                new BigDecimal(entry), new BigDecimal(stop),
                List.of(new BigDecimal("101.5"), new BigDecimal("102.5"), new BigDecimal("104")), new BigDecimal(size),
                "7.1");
    }

    private static Candle candle(Instant open, String o, String h, String l, String c) {
        return new Candle(open, new BigDecimal(o), new BigDecimal(h), new BigDecimal(l), new BigDecimal(c),
                BigDecimal.TEN);
    }

    @Test
    @DisplayName("an entry, a first take-profit rung and a breakeven stop: fills, fees and P&L to the cent")
    void handComputed() {
        // Close of candle 0 at 100: APEX buys with 5 % of equity. Equity 10,000 → notional 500.00 (under the 15 % cap
        // of 1,500), quantity 500 / 100 = 5. Buy fill 100 + 5 bps = 100.05; fee 5 × 100.05 × 0.001 = 0.50025 → 0.50.
        account.price("BTC-USD", new BigDecimal("100"));
        account.signal(buy("BTC-USD", T0, "100", "99.5", "5.00"), T0);
        // Cash 10,000 − 5 × 100.05 − 0.50 = 9,499.25; equity at 100: 9,499.25 + 500 = 9,999.25.
        assertThat(account.cash()).isEqualByComparingTo("9499.25");
        assertThat(account.equity()).isEqualByComparingTo("9999.25");

        // A second buy while long is refused by the engine's rule.
        account.signal(buy("BTC-USD", T0, "100", "99.5", "5.00"), T0);

        // Candle 1 reaches 101.60 ≥ rung 1 (101.5): 33 % of 5 = 1.65 sold at 101.5 − 5 bps = 101.44925;
        // fee 1.65 × 101.44925 × 0.001 = 0.16739… → 0.17; the part's share of the entry fee 0.50 × 1.65 / 5 = 0.165.
        // P&L (101.44925 − 100.05) × 1.65 − 0.165 − 0.17 = 2.3087625 − 0.335 = 1.9737625. The stop moves to 100.
        account.bar("BTC-USD", candle(T0, "100.2", "101.60", "100.10", "101.2"), T0.plus(FIVE), 0.3);
        account.price("BTC-USD", new BigDecimal("101.2"));
        // Candle 2 falls to 99.90 ≤ breakeven 100: the other 3.35 sold at 100 − 5 bps = 99.95;
        // fee 3.35 × 99.95 × 0.001 = 0.3348325 → 0.33; P&L (99.95 − 100.05) × 3.35 − 0.335 − 0.33 = −1.00.
        account.bar("BTC-USD", candle(T0.plus(FIVE), "101.2", "101.3", "99.90", "100.1"), T0.plus(FIVE.multipliedBy(2)), 0.3);

        List<BacktestTrade> trades = account.trades();
        assertThat(trades).extracting(BacktestTrade::why).containsExactly("entry", "target1", "breakeven");
        assertThat(trades).extracting(BacktestTrade::quantity).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("5"), new BigDecimal("1.65"), new BigDecimal("3.35"));
        assertThat(trades).extracting(BacktestTrade::price).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("100.05"), new BigDecimal("101.44925"), new BigDecimal("99.95"));
        assertThat(trades).extracting(BacktestTrade::fee)
                .containsExactly(new BigDecimal("0.50"), new BigDecimal("0.17"), new BigDecimal("0.33"));
        assertThat(trades.get(1).realizedPnl()).isEqualByComparingTo("1.9737625");
        assertThat(trades.get(2).realizedPnl()).isEqualByComparingTo("-1.00");
        assertThat(account.refusals()).containsExactly(java.util.Map.entry("already long BTC-USD", 1));

        // Realized 1.9737625 − 1.00 = 0.9737625; fees 0.50 + 0.17 + 0.33 = 1.00; two closes, one win, one loss.
        PerformanceReport r = account.performance(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"));
        assertThat(r.realizedPnl()).isEqualByComparingTo("0.97");
        assertThat(r.endEquity()).isEqualByComparingTo("10000.97");
        assertThat(r.fees()).isEqualByComparingTo("1.00");
        assertThat(r.closedTrades()).isEqualTo(2);
        assertThat(r.wins()).isEqualTo(1);
        assertThat(r.losses()).isEqualTo(1);
        assertThat(r.averageWin()).isEqualByComparingTo("1.97");
        assertThat(r.averageLoss()).isEqualByComparingTo("1.00");
        assertThat(r.profitFactor()).isEqualByComparingTo("1.9738");
        assertThat(account.cash()).isEqualByComparingTo("10000.9737625");
    }

    @Test
    @DisplayName("a candle that opens below the stop fills at its open, not at the stop it jumped over")
    void gapThroughStop() {
        account.price("ETH-USD", new BigDecimal("100"));
        account.signal(buy("ETH-USD", T0, "100", "99.5", "2.00"), T0);
        // 2 % of 10,000 = 200 → 2 units at 100.05, fee 0.2001 → 0.20.
        // The next candle opens at 98 (below the 99.5 stop): sold at 98 − 5 bps = 97.951, fee 0.195902 → 0.20.
        // P&L (97.951 − 100.05) × 2 − 0.20 − 0.20 = −4.198 − 0.40 = −4.598.
        account.bar("ETH-USD", candle(T0, "98", "98.5", "97.5", "98.2"), T0.plus(FIVE), 0.3);

        BacktestTrade stop = account.trades().get(1);
        assertThat(stop.why()).isEqualTo("stop");
        assertThat(stop.price()).isEqualByComparingTo("97.951");
        assertThat(stop.realizedPnl()).isEqualByComparingTo("-4.598");
    }

    @Test
    @DisplayName("an entry whose stop is already crossed at the fill price is refused, and a second entry within 5 s is throttled")
    void engineRefusals() {
        account.price("BTC-USD", new BigDecimal("100"));
        account.price("ETH-USD", new BigDecimal("100"));
        // A single rung at 100.04 is under the 100.05 the buy would fill at: the engine refuses before any fill.
        account.signal(new ApexDecision("BTC-USD", T0, ApexDecision.Action.BUY, ApexDecision.Reason.ENTRY, "long",
                null, null, new BigDecimal("100"), new BigDecimal("99.5"), List.of(new BigDecimal("100.04")),
                new BigDecimal("2"), "7.1"), T0);
        account.signal(buy("ETH-USD", T0, "100", "99.5", "2.00"), T0);
        account.signal(buy("BTC-USD", T0, "100", "99.5", "2.00"), T0);

        assertThat(account.refusals()).containsOnlyKeys(
                "take-profit 100.04 is already crossed at the fill price 100.05", "throttled: orders must be 5 s apart");
        assertThat(account.entries()).isEqualTo(1);
        assertThat(account.signals()).isEqualTo(3);
    }
}
