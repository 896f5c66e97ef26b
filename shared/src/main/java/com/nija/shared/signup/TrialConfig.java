package com.nija.shared.signup;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The trial a new trader gets at sign-up: NIJA's 14 days of Pro ({@code NIJA_TRIAL_TIER}, {@code NIJA_TRIAL_DAYS}). */
@ConfigurationProperties("nija.trial")
public class TrialConfig {
    private String tier = "pro";
    private int days = 14;

    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }
}
