package com.nija.shared.backtest;

import com.nija.shared.account.ProfileService;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.account.TierLimits;
import com.nija.shared.broker.PaperBrokerConfig;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.engine.ThrottleConfig;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.settings.RiskSettingsValidator;

/**
 * Whose account a backtest trades: the profile, risk settings and tier the engine's rules read, and the paper broker's
 * and the throttle's configuration.
 */
public record BacktestTrader(ProfileItem profile, RiskSettings settings, TierLimits tier, PaperBrokerConfig paper,
                             ThrottleConfig throttle) {
    public static final String USER_ID = "backtest";

    /**
     * A new trader as NIJA creates one (the default tier, $10,000 of paper money, the default risk settings), with
     * trading switched on: the defaults have it off until the trader turns it on, and a backtest asks what would have
     * happened if they had.
     */
    public static BacktestTrader newTrader(TierCatalog tiers) {
        ProfileItem profile = ProfileService.newTrader(USER_ID);
        TierLimits tier = tiers.limits(profile.tier());
        RiskSettings settings = RiskSettings.defaults(RiskSettingsValidator.planMaxOpenPositions(tier))
                .withTradingEnabled(true);
        return new BacktestTrader(profile, settings, tier, new PaperBrokerConfig(), new ThrottleConfig());
    }

    /** This trader with {@code settings} (already validated against the tier). */
    public BacktestTrader withSettings(RiskSettings settings) {
        return new BacktestTrader(profile, settings, tier, paper, throttle);
    }
}
