package com.nija.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.account.TierLimits;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.testing.RandomCases;
import com.nija.shared.trading.Symbols;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Risk settings rules over random valid settings (seeded)")
class RiskSettingsValidatorPropertiesTest {
    private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z]{3,4}");
    private static final TierLimits PRO = new TierLimits(new BigDecimal("149"), new BigDecimal("2000"), 10, 100, 100,
            5, 365, true, List.of("*"));
    private static final String BASE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Test
    @DisplayName("any accepted settings hold only canonical, distinct symbols: every market sent, once, in order "
            + "(seed 501, 300 cases)")
    void acceptedSymbolsAreCanonical() {
        RandomCases.check(501, 300, r -> {
            RiskSettings in = validSettings(r);
            List<String> sentMarkets = in.allowedSymbols().stream()
                    .map(s -> Symbols.normalize(s).orElseThrow()).distinct().toList();

            RiskSettings out = RiskSettingsValidator.validate(in, PRO);

            assertThat(out.allowedSymbols()).allMatch(s -> CANONICAL.matcher(s).matches())
                    .doesNotHaveDuplicates()
                    .containsExactlyElementsOf(sentMarkets);
            assertThat(out.positionSizePct()).isEqualTo(in.positionSizePct());
            assertThat(out.maxOpenPositions()).isEqualTo(in.maxOpenPositions());
        });
    }

    @Test
    @DisplayName("validating accepted settings again changes nothing (seed 502, 200 cases)")
    void validationIsIdempotent() {
        RandomCases.check(502, 200, r -> {
            RiskSettings once = RiskSettingsValidator.validate(validSettings(r), PRO);

            assertThat(RiskSettingsValidator.validate(once, PRO)).isEqualTo(once);
        });
    }

    @Test
    @DisplayName("any position size above 15% is refused, whatever else is sent (seed 503, 200 cases)")
    void positionAboveFifteenAlwaysRefused() {
        RandomCases.check(503, 200, r -> {
            RiskSettings in = validSettings(r);
            BigDecimal pct = r.decimal("15.0001", "1000", 4);
            RiskSettings tooBig = new RiskSettings(pct, in.maxOpenPositions(), in.dailyLossLimit(), in.allowedSymbols(),
                    in.stopLossPct(), in.takeProfitPct(), in.allowShorts(), in.tradingEnabled(), in.subscriptions(),
                    in.version(), in.updatedAt());

            assertThatThrownBy(() -> RiskSettingsValidator.validate(tooBig, PRO))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("positionSizePct"));
        });
    }

    private static RiskSettings validSettings(RandomCases r) {
        BigDecimal size = r.decimal("0.0001", "15", 4);
        int open = r.intBetween(1, PRO.maxOpenPositions());
        BigDecimal loss = r.decimal("0.01", "1000000", 2);
        BigDecimal stop = r.chance(0.3) ? null : r.decimal("0.01", "50", 2);
        BigDecimal target = r.chance(0.3) ? null : r.decimal("0.01", "1000", 2);
        return new RiskSettings(size, open, loss, spelledSymbols(r), stop, target, r.bool(), r.bool(), List.of(), 0L,
                null);
    }

    /**
     * Up to 20 symbols naming up to 6 markets, each written the ways traders write it (BTC-USD, btcusd, Btc/Usd,
     * ETH_USDT), so the same market often comes back in another spelling.
     */
    private static List<String> spelledSymbols(RandomCases r) {
        List<String[]> markets = r.list(0, 6, () -> new String[] {
                r.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 1) + r.string(BASE_CHARS, 1, 7),
                r.pick("USD", "USDT", "USDC", "EUR", "GBP", "BTC", "ETH")});
        if (markets.isEmpty()) return List.of();
        return r.list(0, 20, () -> {
            String[] m = r.pick(markets);
            String written = m[0] + r.pick("-", "/", "_", "") + m[1];
            return r.bool() ? written.toLowerCase(Locale.ROOT) : written;
        });
    }
}
