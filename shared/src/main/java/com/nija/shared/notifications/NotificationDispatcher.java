package com.nija.shared.notifications;

import com.nija.shared.crypto.EnvelopeOpenException;
import com.nija.shared.data.Keys;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification worker's logic: one queued event goes to each channel the trader chose for it, once. Each
 * (event, channel) is a delivery in the trader's log, created by a conditional put — a repeated or concurrent receive
 * of the same message finds it and never sends a delivered one again, and only one receive at a time attempts it.
 * A failed attempt is retried on a later receive (with backoff) until the queue's receives are spent; then it is
 * recorded as failed. A webhook, Telegram or Discord channel that fails the configured number of attempts in a row is
 * disabled, and the trader is told by email (or, without one, by an entry in their log).
 */
@Singleton
public class NotificationDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationRepository repository;
    private final NotificationSettings settings;
    private final ChannelSecrets secrets;
    private final Notifications notifications;
    private final NotificationsConfig config;
    private final Map<ChannelKind, ChannelSender> senders = new EnumMap<>(ChannelKind.class);
    private final Clock clock;

    public NotificationDispatcher(NotificationRepository repository, NotificationSettings settings,
                                  ChannelSecrets secrets, Notifications notifications, NotificationsConfig config,
                                  List<ChannelSender> senders, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.secrets = secrets;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
        for (ChannelSender sender : senders) this.senders.put(sender.kind(), sender);
    }

    /**
     * What became of one receive: {@code done} when every delivery is finished; otherwise the message is to be
     * received again after {@code retryIn} at the earliest.
     */
    public record Outcome(boolean done, Duration retryIn) {}

    /**
     * @param receive     how many times the queue has handed this message out, including now
     * @param maxReceives the queue's receives before the DLQ: the last one records failures as final
     */
    public Outcome dispatch(NotificationMessage message, int receive, int maxReceives, Duration backoff) {
        String userId = message.traderId();
        NotificationEvent event = message.event();
        boolean last = receive >= maxReceives;
        List<ChannelKind> chosen = channelsFor(userId, event.type());
        if (chosen.isEmpty()) return new Outcome(true, null);
        // Every secret of the trader's channels and of the platform is kept out of every message, whichever channel
        // it goes to: an email must not carry the webhook's signing secret either.
        Map<ChannelKind, NotificationChannelItem> channels = new EnumMap<>(ChannelKind.class);
        Map<ChannelKind, Map<String, String>> opened = new EnumMap<>(ChannelKind.class);
        List<String> hidden = new ArrayList<>();
        senders.values().forEach(sender -> hidden.addAll(sender.platformSecrets()));
        for (NotificationChannelItem channel : repository.channels(userId)) {
            channels.put(channel.kind(), channel);
            try {
                Map<String, String> secretsOfChannel = secrets.open(channel);
                opened.put(channel.kind(), secretsOfChannel);
                hidden.addAll(secretsOfChannel.values());
            } catch (EnvelopeOpenException unreadable) {
                LOG.error("the {} channel of trader {} does not open: {}", channel.channel(), userId,
                        unreadable.getMessage());
            }
        }
        Duration retryIn = null;
        for (ChannelKind kind : chosen) {
            Optional<Duration> again = deliver(userId, event, kind, Optional.ofNullable(channels.get(kind)),
                    opened.get(kind), hidden, last, backoff);
            if (again.isPresent()) retryIn = retryIn == null || again.get().compareTo(retryIn) > 0 ? again.get() : retryIn;
        }
        return new Outcome(retryIn == null, retryIn);
    }

    private List<ChannelKind> channelsFor(String userId, NotificationEventType type) {
        if (type == NotificationEventType.CHANNEL_DISABLED) return List.of(ChannelKind.EMAIL);
        return settings.routes(userId).getOrDefault(type, List.of());
    }

    /**
     * Delivers on one channel ({@code opened} its secrets, null when they do not open); the wait before a retry when
     * it must be tried again.
     */
    private Optional<Duration> deliver(String userId, NotificationEvent event, ChannelKind kind,
                                       Optional<NotificationChannelItem> channel, Map<String, String> opened,
                                       List<String> hidden, boolean last, Duration backoff) {
        ChannelSender sender = senders.get(kind);
        Instant now = clock.instant();
        NotificationDeliveryItem fresh = new NotificationDeliveryItem(Keys.user(userId),
                Keys.notifyDelivery(event.occurredAt(), event.id(), kind.wire()), userId, event.id(),
                event.type().wire(), kind.wire(), DeliveryStatus.PENDING.name(), 0L, null,
                MessageRenderer.redact(MessageRenderer.truncate(event.summary(), 200), hidden), event.occurredAt(),
                now, null, event.occurredAt().plus(config.getLogRetention()).getEpochSecond());
        NotificationDeliveryItem delivery = repository.claimDelivery(fresh);
        if (delivery != fresh) {
            DeliveryStatus status = delivery.deliveryStatus();
            if (status.finished()) return Optional.empty();
            boolean inFlight = status == DeliveryStatus.PENDING && delivery.updatedAt().plus(lease()).isAfter(now);
            Optional<NotificationDeliveryItem> taken = inFlight ? Optional.empty()
                    : repository.takeForAttempt(delivery, now);
            if (taken.isEmpty()) return Optional.of(backoff); // another receive is attempting it right now
            delivery = taken.get();
        }
        if (channel.isEmpty() || !channel.get().enabled()) {
            repository.saveDelivery(delivery.skipped(channel.isPresent() ? "the " + kind.wire() + " channel is "
                    + "disabled: set it up again" : "no " + kind.wire() + " channel is set up", now));
            return Optional.empty();
        }
        if (opened == null) {
            return failed(delivery, channel.get(), new DeliveryFailedException("the channel's stored settings cannot "
                    + "be read any more: set it up again"), true, backoff, hidden);
        }
        try {
            sender.send(event, new Destination(userId, kind, channel.get().target(), opened),
                    MessageRenderer.render(event, hidden));
        } catch (DeliveryFailedException failed) {
            return failed(delivery, channel.get(), failed, last, backoff, hidden);
        }
        repository.saveDelivery(delivery.attempted(DeliveryStatus.DELIVERED, null, clock.instant()));
        repository.resetFailures(channel.get());
        Telemetry.record(Metric.count("NotificationDelivered", "channel", kind.wire()));
        return Optional.empty();
    }

    private Optional<Duration> failed(NotificationDeliveryItem delivery, NotificationChannelItem channel,
                                       DeliveryFailedException failure, boolean last, Duration backoff,
                                       List<String> hidden) {
        Instant now = clock.instant();
        String error = MessageRenderer.redact(failure.getMessage(), hidden);
        repository.saveDelivery(delivery.attempted(last ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING, error, now));
        Telemetry.record(Metric.count("NotificationFailed", "channel", channel.channel()));
        LOG.warn("notification {} to trader {}'s {} channel failed{}: {}", delivery.eventId(), channel.userId(),
                channel.channel(), last ? " for good" : "; it will be retried", error);
        if (channel.kind() != ChannelKind.EMAIL) countFailure(channel, error, now);
        if (last) return Optional.empty();
        Duration wait = failure.retryAfter().filter(w -> w.compareTo(backoff) > 0).orElse(backoff);
        return Optional.of(wait);
    }

    /** One more failure in a row; at the limit the channel is disabled and the trader told. */
    private void countFailure(NotificationChannelItem channel, String error, Instant now) {
        Optional<Long> inARow = repository.addFailure(channel);
        if (inARow.isEmpty() || inARow.get() < config.getDisableAfter()) return;
        String reason = inARow.get() + " deliveries in a row failed; the last: " + error;
        if (!repository.disable(channel, reason, now)) return;
        Telemetry.record(Metric.count("NotificationChannelDisabled", "channel", channel.channel()));
        LOG.warn("trader {}'s {} channel disabled after {} failures in a row", channel.userId(), channel.channel(),
                inARow.get());
        notifications.publish(channel.userId(), new NotificationEvent(
                "channel-disabled-" + channel.channel() + "-" + channel.createdAt().toEpochMilli(),
                NotificationEventType.CHANNEL_DISABLED, now,
                "Your " + channel.channel() + " notifications are turned off: " + inARow.get()
                        + " deliveries in a row failed",
                NotificationEvent.facts("channel", channel.channel(), "target", channel.target(),
                        "last error", error,
                        "to turn it on again", "set the channel up again: PUT /api/v1/notifications/channels/"
                                + channel.channel())));
    }

    /** How long one attempt may take before another receive may take the delivery over. */
    private Duration lease() {
        return config.getHttpTimeout().multipliedBy(3).plusSeconds(10);
    }
}
