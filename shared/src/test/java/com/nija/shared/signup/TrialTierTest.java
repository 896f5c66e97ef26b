package com.nija.shared.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.billing.BillingAccountItem;
import com.nija.shared.billing.BillingStanding;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;

/** Which tier a trader has: a subscription's, else the sign-up trial's until it ends, else the profile's. */
class TrialTierTest {
    private static final Instant SIGNED_UP = PlatformClock.system().instant();
    private static final Instant TRIAL_END = SIGNED_UP.plus(Duration.ofDays(14));

    private static ProfileItem trader() {
        return new ProfileItem(Keys.user("t1"), Keys.PROFILE, "t1", null, "free", "none", "RUNNING",
                new BigDecimal("10000.00"), 0L, SIGNED_UP, SIGNED_UP, null, "pro", TRIAL_END);
    }

    private static BillingAccountItem billing(String status, String tier) {
        return new BillingAccountItem(Keys.user("t1"), Keys.BILLING, "t1", "cus_1", status.equals("none") ? null
                : "sub_1", status, null, null, tier, null, null, null, null, null, null, null, null, "none", null,
                null, SIGNED_UP, 1L);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first day, no subscription", Duration.ZERO, null, "pro"),
                Arguments.of("last second of the trial", Duration.ofDays(14).minusSeconds(1), null, "pro"),
                Arguments.of("trial over, no subscription", Duration.ofDays(14), null, "free"),
                Arguments.of("trial over, billing left nothing", Duration.ofDays(20), billing("none", "free"), "free"),
                Arguments.of("subscribed to basic during the trial", Duration.ofDays(3), billing("active", "basic"),
                        "basic"),
                Arguments.of("subscribed to enterprise after the trial", Duration.ofDays(30),
                        billing("active", "enterprise"), "enterprise"),
                Arguments.of("subscription canceled: billing decides", Duration.ofDays(5),
                        billing("canceled", "free"), "free"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the tier in force follows the trial and the subscription")
    void tierInForce(String why, Duration sinceSignUp, BillingAccountItem billing, String tier) {
        assertThat(BillingStanding.tierInForce(billing, trader(), SIGNED_UP.plus(sinceSignUp))).isEqualTo(tier);
    }
}
