package com.nija.shared.leaving;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code nija.leaving.*}: the pepper that makes a deleted trader's pseudonym one-way. Locally a plain value; in AWS
 * the secret named by {@code NIJA_PSEUDONYM_PEPPER_SECRET_ARN}. Never logged: {@link #toString} says only whether it
 * is set.
 */
@ConfigurationProperties("nija.leaving")
public class LeavingConfig {
    @Nullable private String pseudonymPepper;

    @Nullable public String getPseudonymPepper() { return pseudonymPepper; }
    public void setPseudonymPepper(@Nullable String v) { pseudonymPepper = v == null || v.isBlank() ? null : v; }

    @Override
    public String toString() {
        return "LeavingConfig{pseudonymPepper=" + (pseudonymPepper == null ? "unset" : "set") + "}";
    }
}
