package com.nija.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.account.TierLimits;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.trading.Symbols;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

@Label("Risk settings rules over arbitrary valid settings")
class RiskSettingsValidatorPropertiesTest {
    private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z]{3,4}");
    private static final TierLimits PRO = new TierLimits(new BigDecimal("149"), new BigDecimal("2000"), 10, 100, 100,
            5, 365, true, List.of("*"));

    @Property(tries = 300)
    @Label("any accepted settings hold only canonical, distinct symbols: every market sent, once, in order")
    void acceptedSymbolsAreCanonical(@ForAll("validSettings") RiskSettings in) {
        List<String> sentMarkets = in.allowedSymbols().stream()
                .map(s -> Symbols.normalize(s).orElseThrow()).distinct().toList();

        RiskSettings out = RiskSettingsValidator.validate(in, PRO);

        assertThat(out.allowedSymbols()).allMatch(s -> CANONICAL.matcher(s).matches())
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(sentMarkets);
        assertThat(out.positionSizePct()).isEqualTo(in.positionSizePct());
        assertThat(out.maxOpenPositions()).isEqualTo(in.maxOpenPositions());
    }

    @Property(tries = 200)
    @Label("validating accepted settings again changes nothing")
    void validationIsIdempotent(@ForAll("validSettings") RiskSettings in) {
        RiskSettings once = RiskSettingsValidator.validate(in, PRO);

        assertThat(RiskSettingsValidator.validate(once, PRO)).isEqualTo(once);
    }

    @Property(tries = 200)
    @Label("any position size above 15% is refused, whatever else is sent")
    void positionAboveFifteenAlwaysRefused(@ForAll("validSettings") RiskSettings in,
                                           @ForAll("aboveFifteen") BigDecimal pct) {
        RiskSettings tooBig = new RiskSettings(pct, in.maxOpenPositions(), in.dailyLossLimit(), in.allowedSymbols(),
                in.stopLossPct(), in.takeProfitPct(), in.allowShorts(), in.tradingEnabled(), in.subscriptions(), in.version(),
                in.updatedAt());

        assertThatThrownBy(() -> RiskSettingsValidator.validate(tooBig, PRO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("positionSizePct"));
    }

    @Provide
    Arbitrary<BigDecimal> aboveFifteen() {
        return Arbitraries.bigDecimals().greaterThan(new BigDecimal("15")).lessOrEqual(new BigDecimal("1000"))
                .ofScale(4);
    }

    @Provide
    Arbitrary<RiskSettings> validSettings() {
        Arbitrary<BigDecimal> size = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.0001"), new BigDecimal("15")).ofScale(4);
        Arbitrary<Integer> open = Arbitraries.integers().between(1, PRO.maxOpenPositions());
        Arbitrary<BigDecimal> loss = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("1000000")).ofScale(2);
        Arbitrary<BigDecimal> stop = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("50")).ofScale(2).injectNull(0.3);
        Arbitrary<BigDecimal> target = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("1000")).ofScale(2).injectNull(0.3);
        Arbitrary<List<String>> symbols = spelledSymbols();
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(size, open, loss, symbols, stop, target, flag, flag)
                .as((s, o, l, sym, sl, tp, shorts, on) -> new RiskSettings(s, o, l, sym, sl, tp, shorts, on, List.of(), 0L, null));
    }

    /**
     * Up to 20 symbols naming up to 6 markets, each written the ways traders write it (BTC-USD, btcusd, Btc/Usd,
     * ETH_USDT), so the same market often comes back in another spelling.
     */
    private static Arbitrary<List<String>> spelledSymbols() {
        Arbitrary<String> base = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(2).ofMaxLength(8)
                .filter(b -> Character.isLetter(b.charAt(0)));
        Arbitrary<String> quote = Arbitraries.of("USD", "USDT", "USDC", "EUR", "GBP", "BTC", "ETH");
        Arbitrary<Tuple2<String, String>> market = Combinators.combine(base, quote).as(Tuple::of);
        Arbitrary<String> separator = Arbitraries.of("-", "/", "_", "");
        Arbitrary<Boolean> lower = Arbitraries.of(true, false);
        return market.list().ofMaxSize(6).flatMap(markets -> markets.isEmpty()
                ? Arbitraries.just(List.<String>of())
                : Combinators.combine(Arbitraries.of(markets), separator, lower)
                        .as((m, sep, low) -> {
                            String written = m.get1() + sep + m.get2();
                            return low ? written.toLowerCase(Locale.ROOT) : written;
                        })
                        .list().ofMaxSize(20));
    }
}
