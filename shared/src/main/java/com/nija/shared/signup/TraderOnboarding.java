package com.nija.shared.signup;

import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileRepository;
import com.nija.shared.account.ProfileService;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.VersionConflictException;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.settings.RiskSettingsValidator;
import com.nija.shared.settings.SettingsRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a trader once their sign-up is confirmed — Cognito's post-confirmation trigger in AWS, the local platform's
 * sign-up locally: their profile with a paper account of NIJA's $10,000 and the trial (Pro for 14 days from now),
 * default risk settings (trading off, sized for the tier the trial falls back to), and the terms they accepted.
 *
 * <p>Each part is a conditional write of its own, so a retried or concurrent run changes nothing already written and
 * completes what a failed run left out; a trader who exists keeps their profile, settings and acceptance as they are.
 */
@Singleton
public class TraderOnboarding {
    private static final Logger LOG = LoggerFactory.getLogger(TraderOnboarding.class);

    private final ProfileRepository profiles;
    private final SettingsRepository settings;
    private final TermsRepository terms;
    private final TermsConfig termsConfig;
    private final TrialConfig trial;
    private final TierCatalog tiers;
    private final Clock clock;

    public TraderOnboarding(ProfileRepository profiles, SettingsRepository settings, TermsRepository terms,
                            TermsConfig termsConfig, TrialConfig trial, TierCatalog tiers, Clock clock) {
        this.profiles = profiles;
        this.settings = settings;
        this.terms = terms;
        this.termsConfig = termsConfig;
        this.trial = trial;
        this.tiers = tiers;
        this.clock = clock;
        if (!tiers.names().contains(trial.getTier())) {
            throw new IllegalStateException("the trial tier " + trial.getTier() + " is not a configured tier");
        }
    }

    /** What a sign-up did: {@code created} false when the trader existed (nothing about them changed). */
    public record Result(boolean created, boolean termsRecorded, ProfileItem profile) {}

    public Result signUp(SignUp signUp) {
        String userId = InputLimits.requireId(InputLimits.Id.USER, "userId", signUp.userId());
        Instant now = clock.instant();
        boolean created = profiles.createIfAbsent(newTrader(userId, signUp.displayName(), now));
        createDefaultSettings(userId, now);
        boolean termsRecorded = recordAcceptance(userId, signUp, now);
        ProfileItem profile = profiles.find(userId).orElseThrow();
        LOG.info(created ? "signed up trader {} ({}), trial {} until {}" : "trader {} ({}) already signed up",
                userId, signUp.via(), profile.trialTier(), profile.trialEndsAt());
        return new Result(created, termsRecorded, profile);
    }

    private ProfileItem newTrader(String userId, String displayName, Instant now) {
        String name = displayName == null || displayName.isBlank() ? null
                : InputLimits.requireText("displayName", displayName.strip());
        return new ProfileItem(Keys.user(userId), Keys.PROFILE, userId, name, TierCatalog.DEFAULT_TIER, "none",
                BotState.RUNNING.name(), ProfileService.STARTING_BALANCE, 0L, now, now, null, trial.getTier(),
                now.plus(Duration.ofDays(trial.getDays())));
    }

    private void createDefaultSettings(String userId, Instant now) {
        // Sized for the tier the trial falls back to, so the settings stay valid when it ends.
        RiskSettings d = RiskSettings.defaults(RiskSettingsValidator.planMaxOpenPositions(
                tiers.limits(TierCatalog.DEFAULT_TIER)));
        try {
            settings.replace(new SettingsItem(Keys.user(userId), Keys.SETTINGS, d.positionSizePct(),
                    d.maxOpenPositions(), d.dailyLossLimit(), d.allowedSymbols(), d.stopLossPct(), d.takeProfitPct(),
                    d.allowShorts(), d.tradingEnabled(), d.subscriptions(), null, null, now, null));
        } catch (VersionConflictException alreadySet) {
            // The trader has settings (an earlier run, or their own): they stay.
        }
    }

    /** Records the acceptance the sign-up form gave when it names the versions in force; else they are asked later. */
    private boolean recordAcceptance(String userId, SignUp signUp, Instant now) {
        SignUp.Acceptance a = signUp.acceptance();
        if (a == null || !Objects.equals(a.termsVersion(), termsConfig.getVersion())
                || !Objects.equals(a.riskDisclosureVersion(), termsConfig.getRiskDisclosureVersion())) {
            return false;
        }
        return terms.createIfAbsent(new TermsAcceptanceItem(Keys.user(userId), TermsAcceptanceItem.SK, userId,
                a.termsVersion(), a.riskDisclosureVersion(), now, SourceAddress.orNull(a.sourceIp()), signUp.via()));
    }
}
