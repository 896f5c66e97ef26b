package com.nija.shared.admin;

import com.nija.shared.account.ProfileRepository;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.billing.BillingStore;
import com.nija.shared.brokers.TradingMode;
import com.nija.shared.dashboard.DashboardService;
import com.nija.shared.dashboard.DashboardView;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.CursorCodec;
import com.nija.shared.trading.PagePosition;
import com.nija.shared.trading.TradeView;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The admins' trader directory: profiles through their index listing ({@link ProfileItem#DIRECTORY}, in id order), an
 * id prefix as the key condition and tier and subscription status as filters, so a page reads index entries of that
 * listing only, never the trading table; each row's mode, bot state, positions, equity and newest fill come from the
 * trader's dashboard (the same cached view they see). One request reads at most {@link #MAX_READS} index pages; a
 * narrow filter may answer a short page with a cursor to go on.
 */
@Singleton
public class TraderDirectory {
    public static final int MAX_LIMIT = 50;
    static final int MAX_READS = 5;
    private static final List<String> STATUSES = Stream.concat(Stream.of("none"), BillingStore.STATUSES.stream())
            .toList();

    private final ProfileRepository profiles;
    private final DashboardService dashboards;
    private final TierCatalog tiers;
    private final CursorCodec cursors;

    public TraderDirectory(ProfileRepository profiles, DashboardService dashboards, TierCatalog tiers,
                           CursorCodec cursors) {
        this.profiles = profiles;
        this.dashboards = dashboards;
        this.tiers = tiers;
        this.cursors = cursors;
    }

    /** The filters of one listing; any may be null. */
    public record Filter(String query, String tier, String mode, String status) {}

    public TradersPage page(String callerId, Filter filter, int limit, String cursor) {
        validate(filter);
        String scope = "traders:" + filter.query() + ":" + filter.tier() + ":" + filter.mode() + ":" + filter.status();
        PagePosition at = cursor == null ? PagePosition.START
                : PagePosition.read(cursors.decode(callerId, scope, cursor));
        Map<String, String> after = at.lastKey();
        List<TraderRow> out = new ArrayList<>();
        boolean more = true;
        for (int reads = 0; more && reads < MAX_READS && out.size() < limit; reads++) {
            PagePosition.Slice<ProfileItem> page = profiles.directory(filter.query(), filter.tier(), filter.status(),
                    after, limit - out.size());
            for (ProfileItem profile : page.items()) {
                TraderRow row = row(profile);
                if (filter.mode() == null || filter.mode().equals(row.mode())) out.add(row);
            }
            after = page.lastKey();
            more = after != null;
        }
        String next = more ? cursors.encode(callerId, scope, new PagePosition(0, after).write()) : null;
        return new TradersPage(out, next);
    }

    private TraderRow row(ProfileItem profile) {
        DashboardView d = dashboards.get(profile.userId());
        TradeView last = d.lastTrades() == null || d.lastTrades().isEmpty() ? null : d.lastTrades().get(0);
        return new TraderRow(profile.userId(), d.tier(), d.subscriptionStatus(),
                d.tradingMode() == null ? "paper" : d.tradingMode().mode(),
                d.tradingMode() == null ? null : d.tradingMode().venue(), d.botState(), d.openPositions(), d.equity(),
                last == null ? null : new TraderRow.LastOrder(last.orderId(), last.symbol(), last.side(),
                        last.executedAt()));
    }

    private void validate(Filter filter) {
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        if (filter.query() != null && !filter.query().isEmpty()) {
            InputLimits.checkId(InputLimits.Id.USER, "query", filter.query()).ifPresent(problems::add);
        }
        if (filter.tier() != null && !tiers.names().contains(filter.tier())) {
            problems.add(new InvalidInputException.Violation("tier",
                    "must be one of " + String.join(", ", tiers.names().stream().sorted().toList())));
        }
        if (filter.mode() != null && Stream.of(TradingMode.values())
                .noneMatch(m -> m.name().toLowerCase(Locale.ROOT).equals(filter.mode()))) {
            problems.add(new InvalidInputException.Violation("mode", "must be paper or live"));
        }
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            problems.add(new InvalidInputException.Violation("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }
}
