package com.nija.shared.engine;

import io.micronaut.context.annotation.ConfigurationProperties;

/** NIJA's per-trader order throttle: at most 3 a minute, 20 an hour, 50 a day, and 5 s apart. */
@ConfigurationProperties("nija.throttle")
public class ThrottleConfig {
    private boolean enabled = true;
    private int perMinute = 3;
    private int perHour = 20;
    private int perDay = 50;
    private long minSpacingMillis = 5000;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getPerMinute() { return perMinute; }
    public void setPerMinute(int perMinute) { this.perMinute = perMinute; }
    public int getPerHour() { return perHour; }
    public void setPerHour(int perHour) { this.perHour = perHour; }
    public int getPerDay() { return perDay; }
    public void setPerDay(int perDay) { this.perDay = perDay; }
    public long getMinSpacingMillis() { return minSpacingMillis; }
    public void setMinSpacingMillis(long minSpacingMillis) { this.minSpacingMillis = minSpacingMillis; }
}
