package com.nija.shared.audit;

import com.nija.shared.account.ProfileRepository;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.BrokerLinkItem;
import com.nija.shared.data.ControlItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.engine.ControlRepository;
import com.nija.shared.graduation.GraduationRepository;
import com.nija.shared.signup.TermsRepository;
import com.nija.shared.settings.SettingsRepository;
import com.nija.shared.settings.SettingsService;
import com.nija.shared.trading.PositionRepository;
import com.nija.shared.trading.PositionStatus;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a person's change can touch, summarized as flat text for the audit trail's before and after: for a trader their
 * plan, bot state, accepted terms, graduation waiver, trading mode, risk settings, broker connections (venue, when connected and tested, never a key or a
 * hint of one) and open positions; for the platform the kill switch. Read from stored state (consistent reads where
 * the repositories make them), so a summary taken after a change shows it. A route names the {@link AuditAspect}s it
 * changes and only those are read.
 */
@Singleton
public class AuditSubjects {
    /**
     * Threads for the side-by-side reads: made on first use and let go after a minute idle (a cached pool), so the
     * SnapStart snapshot holds none and a quiet function keeps none; daemons, so they never hold a JVM open.
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "audit-summary");
        thread.setDaemon(true);
        return thread;
    });

    private final ProfileRepository profiles;
    private final SettingsRepository settings;
    private final BrokerLinkRepository brokers;
    private final PositionRepository positions;
    private final ControlRepository controls;
    private final TermsRepository terms;
    private final GraduationRepository graduation;

    public AuditSubjects(ProfileRepository profiles, SettingsRepository settings, BrokerLinkRepository brokers,
                         PositionRepository positions, ControlRepository controls, TermsRepository terms,
                         GraduationRepository graduation) {
        this.terms = terms;
        this.graduation = graduation;
        this.profiles = profiles;
        this.settings = settings;
        this.brokers = brokers;
        this.positions = positions;
        this.controls = controls;
    }

    /** Everything a change can touch (a route that does not say what it changes). */
    public Map<String, String> summarize(String target) {
        return summarize(target, EnumSet.allOf(AuditAspect.class));
    }

    /**
     * The {@code aspects} of {@code target}, each from its own reads, run side by side when there are several (each
     * read is a network round trip; a route's latency pays for the slowest, not the sum). The platform has only the
     * kill switch; a trader has every other aspect.
     */
    public Map<String, String> summarize(String target, Set<AuditAspect> aspects) {
        List<AuditAspect> wanted = aspects.stream()
                .filter(a -> AuditLog.PLATFORM.equals(target) == (a == AuditAspect.KILL_SWITCH)).sorted().toList();
        Map<String, String> out = new LinkedHashMap<>();
        if (wanted.size() == 1) {
            out.putAll(summary(target, wanted.get(0)));
            return out;
        }
        List<CompletableFuture<Map<String, String>>> reads = wanted.stream()
                .map(a -> CompletableFuture.supplyAsync(() -> summary(target, a), READERS)).toList();
        try {
            for (CompletableFuture<Map<String, String>> read : reads) out.putAll(read.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
        return out;
    }

    private Map<String, String> summary(String target, AuditAspect aspect) {
        Map<String, String> out = new LinkedHashMap<>();
        switch (aspect) {
            case KILL_SWITCH -> {
                ControlItem kill = controls.killSwitch().orElse(null);
                out.put("killSwitch", kill != null && Boolean.TRUE.equals(kill.engaged()) ? "engaged" : "released");
                if (kill != null) put(out, "killSwitch.reason", kill.reason());
            }
            case PROFILE -> {
                profiles.find(target).ifPresent(profile -> {
                    put(out, "tier", profile.tier());
                    put(out, "subscriptionStatus", profile.subscriptionStatus());
                    put(out, "botState", profile.botState());
                });
                // The account's standing beside the plan: accepted terms and a graduation waiver.
                terms.find(target).ifPresent(t -> {
                    put(out, "terms", t.termsVersion());
                    put(out, "terms.riskDisclosure", t.riskDisclosureVersion());
                    put(out, "terms.acceptedAt", t.acceptedAt());
                });
                graduation.waiver(target).ifPresent(w -> put(out, "graduation.waiver", "granted by " + w.grantedBy()
                        + " " + w.grantedAt()));
            }
            case MODE -> {
                TradingModeItem mode = brokers.mode(target);
                put(out, "mode", mode.mode() == null ? null : mode.mode().name().toLowerCase(java.util.Locale.ROOT));
                put(out, "mode.venue", mode.venue());
            }
            case SETTINGS -> settings.find(target).map(SettingsService::toSettings).ifPresent(s -> {
                put(out, "settings.positionSizePct", s.positionSizePct());
                put(out, "settings.maxOpenPositions", s.maxOpenPositions());
                put(out, "settings.dailyLossLimit", s.dailyLossLimit());
                put(out, "settings.allowedSymbols", s.allowedSymbols());
                put(out, "settings.stopLossPct", s.stopLossPct());
                put(out, "settings.takeProfitPct", s.takeProfitPct());
                put(out, "settings.allowShorts", s.allowShorts());
                put(out, "settings.tradingEnabled", s.tradingEnabled());
                put(out, "settings.subscriptions", s.subscriptions());
            });
            case BROKERS -> {
                for (BrokerLinkItem link : brokers.list(target)) {
                    put(out, "broker." + link.venue(), "connected " + link.connectedAt()
                            + (link.lastTestAt() == null ? "" : ", tested " + (Boolean.TRUE.equals(link.lastTestOk())
                            ? "ok" : "failed") + " " + link.lastTestAt())
                            + (link.liveSince() == null ? "" : ", live since " + link.liveSince()));
                }
            }
            case POSITIONS -> {
                String open = positions.list(target, PositionStatus.OPEN).stream().map(PositionItem::positionId)
                        .sorted().collect(Collectors.joining(","));
                if (!open.isEmpty()) out.put("openPositions", open); // absent: none open
            }
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, Object value) {
        if (value != null) {
            out.put(key, value instanceof java.math.BigDecimal d ? d.toPlainString() : Objects.toString(value));
        }
    }
}
