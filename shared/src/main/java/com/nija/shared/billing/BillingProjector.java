package com.nija.shared.billing;

import com.nija.shared.account.ProfileService;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.ProfileItem;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Recomputes a trader's billing view from the stored Stripe state and sets their profile's tier and subscription
 * status to match. A pure function of stored state, so running it again (a redelivered event, a lazy re-check when
 * a period has ended) changes nothing unless time or state moved on. Invalidates the trader's cache after a change.
 */
@Singleton
public class BillingProjector {
    private static final Logger LOG = LoggerFactory.getLogger(BillingProjector.class);
    private static final int ATTEMPTS = 5;

    private final BillingStore store;
    private final BillingConfig config;
    private final ProfileService profiles;
    private final UserCache cache;
    private final Clock clock;
    private final List<TierChangeListener> listeners;

    public BillingProjector(BillingStore store, BillingConfig config, ProfileService profiles, UserCache cache,
                            Clock clock, List<TierChangeListener> listeners) {
        this.listeners = listeners;
        this.store = store;
        this.config = config;
        this.profiles = profiles;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * @param justWritten subscription states this call's caller just stored: used as they are, since an index
     *                    read right after a write may not show them yet
     */
    public BillingAccountItem project(String userId, SubscriptionStateItem... justWritten) {
        return project(userId, null, justWritten);
    }

    /** As {@link #project(String, SubscriptionStateItem...)}, with an invoice state that was just stored. */
    public BillingAccountItem project(String userId, StripeInvoiceItem justWrittenInvoice,
                                      SubscriptionStateItem... justWritten) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            BillingAccountItem current = store.account(userId).orElse(null);
            BillingAccountItem next = BillingRules.account(userId, subscriptionsOf(userId, justWritten),
                    sub -> latestInvoice(sub, justWrittenInvoice), config.getPastDueGrace(), now, current == null ? null : current.version());
            long version;
            boolean changed = !BillingRules.sameView(current, next);
            if (!changed) {
                version = current.version();
                next = current;
            } else if (store.putAccount(next)) {
                version = current == null ? 1 : current.version() + 1;
            } else {
                continue; // another delivery wrote the view meanwhile: recompute from what is stored now
            }
            boolean profileChanged = applyToProfile(userId, next, version, now);
            if (changed || profileChanged) cache.invalidate(userId); // the dashboard shows tier and status
            return next;
        }
        throw new IllegalStateException("billing view of " + userId + " kept changing; Stripe will redeliver");
    }

    /** Sets the profile's tier and status to the view's at {@code now}; true when that changed the profile. */
    private boolean applyToProfile(String userId, BillingAccountItem view, long version, Instant now) {
        String tier = BillingStanding.tierAt(view, now);
        profiles.ensureExists(userId);
        ProfileItem profile = profiles.get(userId);
        if (tier.equals(profile.tier()) && view.status().equals(profile.subscriptionStatus())) return false;
        if (!store.setProfileTier(userId, tier, view.status(), version, now)) return false;
        LOG.info("billing set tier {} ({}) for trader {}", tier, view.status(), userId);
        listeners.forEach(l -> l.tierChanged(userId, profile.tier(), profile.subscriptionStatus(), tier, view.status(),
                version));
        return true;
    }

    private List<SubscriptionStateItem> subscriptionsOf(String userId, SubscriptionStateItem[] justWritten) {
        Map<String, SubscriptionStateItem> byId = new LinkedHashMap<>();
        for (String customer : store.customersOfUser(userId)) {
            for (SubscriptionStateItem s : store.subscriptionsOfCustomer(customer)) keepNewest(byId, s);
        }
        for (SubscriptionStateItem s : justWritten) {
            if (s != null && userId.equals(s.userId())) keepNewest(byId, s);
        }
        return new ArrayList<>(byId.values());
    }

    private Optional<StripeInvoiceItem> latestInvoice(String subscriptionId, StripeInvoiceItem justWritten) {
        Optional<StripeInvoiceItem> indexed = store.latestInvoiceOf(subscriptionId);
        if (justWritten == null || !subscriptionId.equals(justWritten.subscriptionId())) return indexed;
        if (indexed.isEmpty() || indexed.get().invoiceId().equals(justWritten.invoiceId())) {
            // Re-read: a concurrent delivery may have stored a newer state of this invoice.
            return store.invoice(justWritten.invoiceId()).or(() -> Optional.of(justWritten));
        }
        return indexed.get().invoiceCreated().isAfter(justWritten.invoiceCreated()) ? indexed
                : store.invoice(justWritten.invoiceId());
    }

    private static void keepNewest(Map<String, SubscriptionStateItem> byId, SubscriptionStateItem s) {
        byId.merge(s.subscriptionId(), s, (a, b) -> a.stateKey() >= b.stateKey() ? a : b);
    }

    /** The stored view, re-projected first when time has moved it on (a period ended, a grace period ran out). */
    public Optional<BillingAccountItem> current(String userId) {
        Optional<BillingAccountItem> stored = store.account(userId);
        if (stored.isEmpty()) return stored;
        Instant now = clock.instant();
        ProfileItem profile = profiles.get(userId);
        boolean settled = BillingStanding.tierAt(stored.get(), now).equals(profile.tier())
                && stored.get().status().equals(profile.subscriptionStatus());
        if (settled) return stored;
        try {
            return Optional.of(project(userId));
        } catch (DynamoDbException e) {
            // A read-only caller (GET /account is granted table reads only): the view is still right for now,
            // the engine computes the same from the stored view, and the next webhook settles the profile.
            LOG.warn("could not settle billing of trader {}: {}", userId, e.getMessage());
            return stored;
        }
    }
}
