package com.nija.shared.signup;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The versions of the terms of service and of the risk disclosure in force ({@code NIJA_TERMS_VERSION},
 * {@code NIJA_TERMS_RISK_DISCLOSURE_VERSION}). Publishing a new version is a configuration change: every trader whose
 * recorded acceptance names an older one is asked again at their next sign-in.
 */
@ConfigurationProperties("nija.terms")
public class TermsConfig {
    private String version = "2026-12-01";
    private String riskDisclosureVersion = "2026-12-01";

    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getRiskDisclosureVersion() { return riskDisclosureVersion; }
    public void setRiskDisclosureVersion(String riskDisclosureVersion) {
        this.riskDisclosureVersion = riskDisclosureVersion;
    }
}
