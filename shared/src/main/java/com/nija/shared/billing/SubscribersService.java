package com.nija.shared.billing;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.CursorCodec;
import com.nija.shared.trading.PagePosition;
import jakarta.inject.Singleton;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Subscribers for reconciliation, by status (or every status, one after another), with signed cursors bound to the
 * caller and the status filter: a cursor cannot be forged, edited or replayed by someone else or on another filter.
 */
@Singleton
public class SubscribersService {
    public static final int MAX_LIMIT = 100;

    private final BillingStore store;
    private final CursorCodec cursors;

    public SubscribersService(BillingStore store, CursorCodec cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    /** @param status a Stripe status, or null for all */
    public SubscribersPage page(String callerId, String status, int limit, String cursor) {
        if (status != null && !BillingStore.STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be one of " + String.join(", ", BillingStore.STATUSES));
        }
        String scope = "subscribers:" + (status == null ? "*" : status);
        List<String> statuses = status == null ? BillingStore.STATUSES : List.of(status);
        PagePosition at = cursor == null ? PagePosition.START : PagePosition.read(cursors.decode(callerId, scope, cursor));
        List<SubscriberView> out = new ArrayList<>();
        int index = at.index();
        Map<String, String> start = at.lastKey();
        while (index < statuses.size() && out.size() < limit) {
            BillingStore.SubscriptionPage page = store.subscriptionsByStatus(statuses.get(index), start,
                    limit - out.size());
            page.items().forEach(s -> out.add(view(s)));
            start = page.lastKey();
            if (start == null) index++;
        }
        String next = index < statuses.size()
                ? cursors.encode(callerId, scope, new PagePosition(index, start).write()) : null;
        return new SubscribersPage(out, next);
    }

    private static SubscriberView view(SubscriptionStateItem s) {
        return new SubscriberView(s.subscriptionId(), s.customerId(), s.userId(), s.status(), s.tier(),
                s.entitledTier(), s.pendingTier(), s.priceId(), s.currency(),
                s.monthlyAmount() == null ? null
                        : s.monthlyAmount().setScale(StripeJson.fractionDigits(s.currency()), RoundingMode.HALF_EVEN),
                s.interval(), s.startedAt(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(), s.trialEnd(),
                s.pastDueSince(), s.endedAt());
    }
}
