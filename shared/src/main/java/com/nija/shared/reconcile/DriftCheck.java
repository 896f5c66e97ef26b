package com.nija.shared.reconcile;

import com.nija.shared.instruments.Instrument;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what a trader's open live positions at a venue hold, per base asset, with the venue's balances. The venue
 * may hold more (the trader's own coins are theirs to keep there); holding less than the positions by more than the
 * tolerance is drift. The tolerance covers what the venue takes that NIJA books elsewhere — a fee charged in the base
 * asset, dust below the size step — as the larger of a share of the expected quantity and one size step.
 */
public final class DriftCheck {
    private DriftCheck() {}

    /**
     * @param holdings           the trader's open live positions at {@code venue}
     * @param relativeTolerance  the share of the expected quantity the venue may hold less without drift (0.005 = 0.5%)
     */
    public static List<PositionDrift> compare(Venue venue, List<LiveHolding> holdings, VenueAccount account,
                                              Instruments instruments, BigDecimal relativeTolerance, Instant at) {
        Map<String, List<LiveHolding>> byAsset = new LinkedHashMap<>();
        Map<String, BigDecimal> step = new LinkedHashMap<>();
        for (LiveHolding h : holdings) {
            if (!h.holdsBase() || h.quantity() == null || h.quantity().signum() <= 0) continue;
            Optional<Instrument> instrument = instruments.find(h.symbol());
            String asset = instrument.map(Instrument::base).orElseGet(() -> h.symbol().split("-", 2)[0]);
            byAsset.computeIfAbsent(asset, a -> new ArrayList<>()).add(h);
            instrument.flatMap(i -> i.on(venue.wire())).map(Instrument.VenueMarket::sizeStep)
                    .ifPresent(s -> step.merge(asset, s, BigDecimal::max));
        }
        List<PositionDrift> drifts = new ArrayList<>();
        byAsset.forEach((asset, positions) -> {
            BigDecimal expected = positions.stream().map(LiveHolding::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal held = account.balances().getOrDefault(asset, BigDecimal.ZERO);
            BigDecimal tolerance = expected.multiply(relativeTolerance).max(step.getOrDefault(asset, BigDecimal.ZERO));
            if (held.add(tolerance).compareTo(expected) >= 0) return;
            long openOrders = account.openOrders().stream()
                    .filter(o -> instruments.find(o.venueSymbol()).map(Instrument::base).filter(asset::equals).isPresent())
                    .count();
            drifts.add(new PositionDrift(venue.wire(), asset, plain(expected), plain(held), plain(expected.subtract(held)),
                    positions.stream().map(LiveHolding::positionId).toList(), (int) openOrders, at));
        });
        return drifts;
    }

    /** {@code 0.50000} as {@code 0.5}, {@code 100} stays {@code 100} (never {@code 1E+2}). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
