package com.nija.shared.live;

import com.nija.shared.problem.InvalidInputException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The WebSocket routes' domain: a connection opened for a verified trader, channels added and removed, the
 * connection closed. Refusals are domain exceptions (unknown channel or format: 400; too many channels: 422;
 * connection not open: 404) that the handlers turn into error messages.
 */
@Singleton
public class LiveSessions {
    private final ConnectionRegistry registry;
    private final SequenceNumbers sequences;
    private final LiveConfig config;
    private final Clock clock;

    public LiveSessions(ConnectionRegistry registry, SequenceNumbers sequences, LiveConfig config, Clock clock) {
        this.registry = registry;
        this.sequences = sequences;
        this.config = config;
        this.clock = clock;
    }

    /** What a connection holds after a change. */
    public record State(String connectionId, Set<String> channels, Format format, Instant expiresAt) {
        static State of(ConnectionItem c) {
            return new State(c.connectionId(), ConnectionRegistry.subscriptions(c), Format.stored(c.format()),
                    c.expiresAt() == null ? null : Instant.ofEpochSecond(c.expiresAt()));
        }
    }

    /**
     * Stores a new connection of {@code userId}; it expires when API Gateway would close it (2 hours).
     *
     * @param channels channels to start with (may be empty)
     * @param format   raw {@code json}/{@code msgpack}; null means JSON
     * @param endpoint the {@code @connections} URL of the API the client is connected to; null for this region's
     */
    public State open(String userId, String connectionId, Instant connectedAt, Collection<String> channels, String format,
                      String endpoint) {
        Set<String> parsed = channels == null || channels.isEmpty() ? Set.of() : Channels.parseAll(channels);
        Format f = Format.parse(format);
        if (parsed.size() > config.getMaxChannels()) {
            throw new InvalidInputException(List.of(new InvalidInputException.Violation("channels",
                    "a connection holds at most " + config.getMaxChannels() + " channels")), true);
        }
        ConnectionItem item = ConnectionRegistry.newConnection(userId, connectionId,
                connectedAt == null ? clock.instant() : connectedAt, parsed, f, config.getConnectionTtlSeconds(), endpoint);
        registry.open(item);
        return State.of(item);
    }

    public State subscribe(String userId, String connectionId, Collection<String> channels, String format) {
        Set<String> parsed = Channels.parseAll(channels);
        Format f = format == null ? null : Format.parse(format);
        return State.of(registry.subscribe(userId, connectionId, parsed, f, config.getMaxChannels(), clock.instant()));
    }

    public State unsubscribe(String userId, String connectionId, Collection<String> channels) {
        return State.of(registry.unsubscribe(userId, connectionId, Channels.parseAll(channels), clock.instant()));
    }

    /** Forgets a closed connection; closing one that is not stored does nothing. */
    public void close(String userId, String connectionId) {
        registry.close(userId, connectionId);
        sequences.forget(connectionId);
    }

    public Instant now() {
        return clock.instant();
    }
}
