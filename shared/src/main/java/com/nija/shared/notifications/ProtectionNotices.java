package com.nija.shared.notifications;

import com.nija.shared.protections.ProtectionKind;
import com.nija.shared.protections.ProtectionListener;
import com.nija.shared.protections.ProtectionTrip;
import jakarta.inject.Singleton;

/**
 * Tells the trader when one of their protections fires, on the channels they chose: the drawdown stop as its own
 * event ({@code drawdown-stop}), every other trip as {@code protection}. One notice per trip: the id is the trip's
 * kind, symbol and time, so a redelivered notice is delivered once per channel.
 */
@Singleton
public class ProtectionNotices implements ProtectionListener {
    private final Notifications notifications;

    public ProtectionNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void tripped(String userId, ProtectionTrip trip) {
        NotificationEventType type = trip.kind() == ProtectionKind.DRAWDOWN_STOP
                ? NotificationEventType.DRAWDOWN_STOP : NotificationEventType.PROTECTION;
        String id = "protection:" + trip.kind().slug() + ":" + (trip.symbol() == null ? "all" : trip.symbol()) + ":"
                + trip.at().toEpochMilli();
        notifications.publish(userId, new NotificationEvent(id, type, trip.at(), trip.detail(),
                NotificationEvent.facts("protection", trip.kind().slug(), "symbol", trip.symbol(),
                        "until", trip.until())));
    }
}
