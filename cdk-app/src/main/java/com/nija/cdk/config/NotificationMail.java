package com.nija.cdk.config;

import java.util.Locale;

/**
 * The address traders' notification emails come from: {@code notifications@} the stack's hosted zone (its DNS lets
 * SES verify the domain with DKIM records), or {@code notifications@nija.example} without one. The domain must be a
 * verified SES identity in each engine region before emails are delivered (docs/DEPLOY.md).
 */
public final class NotificationMail {
    static final String FALLBACK_DOMAIN = "nija.example";

    private NotificationMail() {}

    public static String domain(AppConfig config) {
        return config.dns().map(d -> d.hostedZoneName() != null && !d.hostedZoneName().isBlank() ? d.hostedZoneName()
                        : d.domainName())
                .map(d -> d.endsWith(".") ? d.substring(0, d.length() - 1) : d)
                .map(d -> d.toLowerCase(Locale.ROOT))
                .orElse(FALLBACK_DOMAIN);
    }

    public static String from(AppConfig config) {
        return "notifications@" + domain(config);
    }
}
