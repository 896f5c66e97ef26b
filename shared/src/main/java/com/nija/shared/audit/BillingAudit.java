package com.nija.shared.audit;

import com.nija.shared.billing.TierChangeListener;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Records billing's tier and status changes in the audit trail, as made by {@code billing} on the trader's behalf (the
 * trader paid, cancelled, or a payment failed at Stripe). Its request id is the billing version, so a version is
 * recorded once.
 */
@Singleton
public class BillingAudit implements TierChangeListener {
    private final AuditLog audit;

    public BillingAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void tierChanged(String userId, String tierBefore, String statusBefore, String tier, String status,
                            long billingVersion) {
        audit.record(Actor.system("billing", "billing-" + userId + "-v" + billingVersion), userId,
                "billing tier change", null, plan(tierBefore, statusBefore), plan(tier, status));
    }

    private static Map<String, String> plan(String tier, String status) {
        Map<String, String> plan = new HashMap<>();
        if (tier != null) plan.put("tier", tier);
        if (status != null) plan.put("subscriptionStatus", status);
        return plan;
    }
}
