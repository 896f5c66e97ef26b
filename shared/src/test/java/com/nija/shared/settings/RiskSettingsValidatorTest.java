package com.nija.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nija.shared.account.TierLimits;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Risk settings rules")
class RiskSettingsValidatorTest {
    private static final TierLimits FREE = tier(3);
    private static final TierLimits PRO = tier(10);

    // --- a valid request ---------------------------------------------------------------------------------

    @Test
    @DisplayName("valid settings with canonical symbols come back unchanged, version and save time included")
    void validSettingsPassThrough() {
        Instant saved = Instant.parse("2026-11-27T10:15:30Z");
        RiskSettings in = new RiskSettings(bd("2.5"), 3, bd("500"), List.of("BTC-USD"), bd("5"), bd("10"),
                true, false, List.of(), 7L, saved);

        RiskSettings out = RiskSettingsValidator.validate(in, FREE);

        assertThat(out).isEqualTo(in);
    }

    @Test
    @DisplayName("NIJA's defaults for a new trader pass the rules on every shipped plan")
    void defaultsAreValidOnEveryPlan() throws IOException {
        Map<String, TierLimits> tiers = shippedTiers();

        assertThat(tiers).containsKeys("free", "basic", "pro", "enterprise").allSatisfy((name, limits) -> {
            RiskSettings defaults = RiskSettings.defaults(limits.maxOpenPositions());
            assertThat(RiskSettingsValidator.validate(defaults, limits)).as(name).isEqualTo(defaults);
        });
    }

    // --- position size -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}% is accepted")
    @ValueSource(strings = {"0.0001", "1", "2.5", "14.9999", "15", "15.00"})
    @DisplayName("a position size above 0 and at most 15% of equity is accepted")
    void positionSizeWithinLimit(String pct) {
        RiskSettings out = RiskSettingsValidator.validate(valid().positionSizePct(bd(pct)).build(), FREE);

        assertThat(out.positionSizePct()).isEqualByComparingTo(pct);
    }

    @ParameterizedTest(name = "{0}% is refused")
    @ValueSource(strings = {"0", "-1", "15.0001", "16", "100"})
    @DisplayName("a position size of 0, negative, or above 15% of equity is refused")
    void positionSizeOutOfRange(String pct) {
        InvalidInputException e = refused(valid().positionSizePct(bd(pct)).build(), FREE);

        assertThat(e.violations()).containsExactly(
                new Violation("positionSizePct", "must be greater than 0 and at most 15"));
    }

    @Test
    @DisplayName("a position size is required")
    void positionSizeRequired() {
        InvalidInputException e = refused(valid().positionSizePct(null).build(), FREE);

        assertThat(e.violations()).containsExactly(new Violation("positionSizePct", "is required"));
    }

    @Test
    @DisplayName("a position size with more than 4 decimal places is refused")
    void positionSizeTooPrecise() {
        InvalidInputException e = refused(valid().positionSizePct(bd("2.00001")).build(), FREE);

        assertThat(e.violations()).containsExactly(
                new Violation("positionSizePct", "has more than 4 decimal places"));
    }

    // --- open positions ----------------------------------------------------------------------------------

    @Test
    @DisplayName("open positions up to the plan's limit are accepted")
    void openPositionsUpToPlanLimit() {
        assertThat(RiskSettingsValidator.validate(valid().maxOpenPositions(1).build(), FREE).maxOpenPositions())
                .isEqualTo(1);
        assertThat(RiskSettingsValidator.validate(valid().maxOpenPositions(3).build(), FREE).maxOpenPositions())
                .isEqualTo(3);
        assertThat(RiskSettingsValidator.validate(valid().maxOpenPositions(10).build(), PRO).maxOpenPositions())
                .isEqualTo(10);
    }

    @Test
    @DisplayName("one open position more than the plan allows is refused, and the message names the plan's limit")
    void openPositionsAbovePlanLimit() {
        InvalidInputException free = refused(valid().maxOpenPositions(4).build(), FREE);
        InvalidInputException pro = refused(valid().maxOpenPositions(11).build(), PRO);

        assertThat(free.violations()).containsExactly(
                new Violation("maxOpenPositions", "must be between 1 and 3 on your plan"));
        assertThat(pro.violations()).containsExactly(
                new Violation("maxOpenPositions", "must be between 1 and 10 on your plan"));
    }

    @ParameterizedTest(name = "{0} open positions are refused")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    @DisplayName("fewer than one open position is refused")
    void openPositionsBelowOne(int max) {
        InvalidInputException e = refused(valid().maxOpenPositions(max).build(), PRO);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("maxOpenPositions");
    }

    @Test
    @DisplayName("the number of open positions is required")
    void openPositionsRequired() {
        InvalidInputException e = refused(valid().maxOpenPositions(null).build(), FREE);

        assertThat(e.violations()).containsExactly(new Violation("maxOpenPositions", "is required"));
    }

    // --- daily loss limit --------------------------------------------------------------------------------

    @Test
    @DisplayName("a daily loss limit is required")
    void dailyLossLimitRequired() {
        InvalidInputException e = refused(valid().dailyLossLimit(null).build(), FREE);

        assertThat(e.violations()).containsExactly(new Violation("dailyLossLimit", "is required"));
    }

    @ParameterizedTest(name = "a daily loss limit of {0} is refused")
    @ValueSource(strings = {"0", "-100", "1000000.01"})
    @DisplayName("a daily loss limit of zero, negative or above one million is refused")
    void dailyLossLimitOutOfRange(String limit) {
        InvalidInputException e = refused(valid().dailyLossLimit(bd(limit)).build(), FREE);

        assertThat(e.violations()).containsExactly(
                new Violation("dailyLossLimit", "must be greater than 0 and at most 1000000"));
    }

    @Test
    @DisplayName("a daily loss limit of exactly one million is accepted")
    void dailyLossLimitAtMaximum() {
        RiskSettings out = RiskSettingsValidator.validate(valid().dailyLossLimit(bd("1000000")).build(), FREE);

        assertThat(out.dailyLossLimit()).isEqualByComparingTo("1000000");
    }

    // --- stop loss and take profit -----------------------------------------------------------------------

    @Test
    @DisplayName("no default stop loss or take profit is fine")
    void stopAndTargetOptional() {
        RiskSettings out = RiskSettingsValidator.validate(valid().stopLossPct(null).takeProfitPct(null).build(), FREE);

        assertThat(out.stopLossPct()).isNull();
        assertThat(out.takeProfitPct()).isNull();
    }

    @Test
    @DisplayName("a stop loss up to 50% and a take profit up to 1000% are accepted")
    void stopAndTargetAtTheirMaximum() {
        RiskSettings out = RiskSettingsValidator.validate(
                valid().stopLossPct(bd("50")).takeProfitPct(bd("1000")).build(), FREE);

        assertThat(out.stopLossPct()).isEqualByComparingTo("50");
        assertThat(out.takeProfitPct()).isEqualByComparingTo("1000");
    }

    @Test
    @DisplayName("a stop loss above 50% or a take profit above 1000% is refused")
    void stopAndTargetAboveMaximum() {
        InvalidInputException e = refused(valid().stopLossPct(bd("50.01")).takeProfitPct(bd("1000.5")).build(), FREE);

        assertThat(e.violations()).containsExactly(
                new Violation("stopLossPct", "must be greater than 0 and at most 50"),
                new Violation("takeProfitPct", "must be greater than 0 and at most 1000"));
    }

    @Test
    @DisplayName("a stop loss or take profit of zero or below is refused")
    void stopAndTargetMustBePositive() {
        InvalidInputException e = refused(valid().stopLossPct(bd("0")).takeProfitPct(bd("-5")).build(), FREE);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("stopLossPct", "takeProfitPct");
    }

    // --- symbols -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("symbols are written canonically and duplicates are dropped, first spelling's order kept")
    void symbolsNormalizedAndDeduplicated() {
        RiskSettings in = valid().allowedSymbols(List.of("BTCUSD", "eth/usd", "BTC-USD", "btc_usd", "SOL-USDT"))
                .build();

        RiskSettings out = RiskSettingsValidator.validate(in, FREE);

        assertThat(out.allowedSymbols()).containsExactly("BTC-USD", "ETH-USD", "SOL-USDT");
    }

    @Test
    @DisplayName("each unreadable symbol is refused by name")
    void junkSymbolsRefused() {
        InvalidInputException e = refused(valid().allowedSymbols(List.of("BTC-USD", "bitcoin", "!!", "")).build(),
                FREE);

        assertThat(e.violations()).containsExactly(
                new Violation("allowedSymbols", "'bitcoin' is not a market symbol like BTC-USD"),
                new Violation("allowedSymbols", "'!!' is not a market symbol like BTC-USD"),
                new Violation("allowedSymbols", "'' is not a market symbol like BTC-USD"));
    }

    @Test
    @DisplayName("a missing symbol in the list is refused, not a crash")
    void nullSymbolRefused() {
        InvalidInputException e = refused(valid().allowedSymbols(Arrays.asList("BTC-USD", null)).build(), FREE);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("allowedSymbols");
    }

    @Test
    @DisplayName("no symbol list means every market (an empty list)")
    void missingSymbolListMeansEveryMarket() {
        RiskSettings out = RiskSettingsValidator.validate(valid().allowedSymbols(null).build(), FREE);

        assertThat(out.allowedSymbols()).isEmpty();
    }

    @Test
    @DisplayName("up to 100 symbols are accepted, 101 are refused")
    void atMostHundredSymbols() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "C" + i + "-USD").toList();
        List<String> hundredAndOne = new ArrayList<>(hundred);
        hundredAndOne.add("BTC-USD");

        RiskSettings out = RiskSettingsValidator.validate(valid().allowedSymbols(hundred).build(), FREE);
        InvalidInputException e = refused(valid().allowedSymbols(hundredAndOne).build(), FREE);

        assertThat(out.allowedSymbols()).hasSize(100);
        assertThat(e.violations()).containsExactly(new Violation("allowedSymbols", "at most 100 symbols"));
    }

    // --- switches ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("whether shorts are allowed and whether trading is on must both be stated")
    void switchesRequired() {
        InvalidInputException e = refused(valid().allowShorts(null).tradingEnabled(null).build(), FREE);

        assertThat(e.violations()).containsExactly(
                new Violation("allowShorts", "is required (true or false)"),
                new Violation("tradingEnabled", "is required (true or false)"));
    }

    // --- how refusals are reported -----------------------------------------------------------------------

    @Test
    @DisplayName("every broken rule is reported at once, so the trader can fix them all in one go")
    void allViolationsAtOnce() {
        RiskSettings everythingWrong = new RiskSettings(bd("20"), 99, null, List.of("??"), bd("60"), bd("0"),
                null, null, List.of(), 0L, null);

        InvalidInputException e = refused(everythingWrong, FREE);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("positionSizePct",
                "maxOpenPositions", "dailyLossLimit", "stopLossPct", "takeProfitPct", "allowedSymbols",
                "allowShorts", "tradingEnabled");
        assertThat(e.getMessage()).isEqualTo("positionSizePct: must be greater than 0 and at most 15");
    }

    @Test
    @DisplayName("a broken rule is a well-formed refusal (HTTP 422), not malformed input (400)")
    void refusalIsWellFormed() {
        InvalidInputException e = refused(valid().positionSizePct(bd("99")).build(), FREE);

        assertThat(e.wellFormed()).isTrue();
        assertThat(e.problemType()).isEqualTo("rule-violation");
    }

    private static InvalidInputException refused(RiskSettings in, TierLimits tier) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> RiskSettingsValidator.validate(in, tier));
        assertThat(e).as("settings should have been refused").isNotNull();
        return e;
    }

    private static Map<String, TierLimits> shippedTiers() throws IOException {
        try (InputStream in = RiskSettingsValidatorTest.class.getResourceAsStream("/nija/tiers.json")) {
            assertThat(in).as("nija/tiers.json on the classpath").isNotNull();
            return Json.MAPPER.readValue(in, new TypeReference<Map<String, TierLimits>>() {});
        }
    }

    private static TierLimits tier(int maxOpenPositions) {
        return new TierLimits(BigDecimal.ZERO, BigDecimal.ZERO, maxOpenPositions, 10, 10, 1, 30, false, List.of("*"));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static Builder valid() {
        return new Builder();
    }

    /** Valid settings for the free plan, one field at a time made wrong by a test. */
    private static final class Builder {
        private BigDecimal positionSizePct = new BigDecimal("2");
        private Integer maxOpenPositions = 3;
        private BigDecimal dailyLossLimit = new BigDecimal("500");
        private List<String> allowedSymbols = List.of("BTC-USD", "ETH-USD");
        private BigDecimal stopLossPct = new BigDecimal("5");
        private BigDecimal takeProfitPct = new BigDecimal("10");
        private Boolean allowShorts = false;
        private Boolean tradingEnabled = true;

        Builder positionSizePct(BigDecimal v) { positionSizePct = v; return this; }
        Builder maxOpenPositions(Integer v) { maxOpenPositions = v; return this; }
        Builder dailyLossLimit(BigDecimal v) { dailyLossLimit = v; return this; }
        Builder allowedSymbols(List<String> v) { allowedSymbols = v; return this; }
        Builder stopLossPct(BigDecimal v) { stopLossPct = v; return this; }
        Builder takeProfitPct(BigDecimal v) { takeProfitPct = v; return this; }
        Builder allowShorts(Boolean v) { allowShorts = v; return this; }
        Builder tradingEnabled(Boolean v) { tradingEnabled = v; return this; }

        RiskSettings build() {
            return new RiskSettings(positionSizePct, maxOpenPositions, dailyLossLimit, allowedSymbols, stopLossPct,
                    takeProfitPct, allowShorts, tradingEnabled, List.of(), 3L, null);
        }
    }
}
