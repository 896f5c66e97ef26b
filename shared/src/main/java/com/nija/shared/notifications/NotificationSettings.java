package com.nija.shared.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.data.Keys;
import com.nija.shared.json.Json;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.problem.NotFoundException;
import com.nija.shared.trading.CursorCodec;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a trader decides about notifications: which events go to which channels, the channels themselves (set up,
 * replaced, removed) and the log of what was delivered. Channel secrets exist in plain only inside
 * {@link #setUpChannel} (to seal them, and to show a new webhook's signing secret once).
 */
@Singleton
public class NotificationSettings {
    public static final int MAX_LIMIT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSettings.class);
    private static final TypeReference<Map<String, List<String>>> ROUTES = new TypeReference<>() {};
    private static final int ATTEMPTS = 3;

    private final NotificationRepository repository;
    private final ChannelSecrets secrets;
    private final NotificationsConfig config;
    private final CursorCodec cursors;
    private final Clock clock;

    public NotificationSettings(NotificationRepository repository, ChannelSecrets secrets, NotificationsConfig config,
                                CursorCodec cursors, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.config = config;
        this.cursors = cursors;
        this.clock = clock;
    }

    public PreferencesView view(String userId) {
        Optional<NotificationPreferencesItem> stored = repository.preferences(userId);
        return view(routes(stored.orElse(null)), repository.channels(userId), stored
                .map(NotificationPreferencesItem::updatedAt).orElse(null));
    }

    /**
     * Replaces the trader's choices with {@code body}'s.
     *
     * @throws InvalidInputException 400 not a JSON object; 422 an unknown event or channel, a channel listed twice,
     *                               or a channel that is not set up (named {@code events.fill[1]})
     */
    public PreferencesView savePreferences(String userId, JsonNode body) {
        Map<NotificationEventType, List<ChannelKind>> routes = PreferencesParser.parse(body);
        List<NotificationChannelItem> channels = repository.channels(userId);
        Set<String> setUp = channels.stream().map(NotificationChannelItem::channel).collect(Collectors.toSet());
        List<Violation> missing = new ArrayList<>();
        routes.forEach((type, kinds) -> {
            for (int i = 0; i < kinds.size(); i++) {
                String kind = kinds.get(i).wire();
                if (!setUp.contains(kind)) {
                    missing.add(new Violation("events." + type.wire() + "[" + i + "]", kind + " is not set up: "
                            + "PUT /api/v1/notifications/channels/" + kind + " first"));
                }
            }
        });
        if (!missing.isEmpty()) throw new InvalidInputException(missing, true);
        Map<String, List<String>> wire = new LinkedHashMap<>();
        routes.forEach((type, kinds) -> wire.put(type.wire(), kinds.stream().map(ChannelKind::wire).toList()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Long version = repository.preferences(userId).map(NotificationPreferencesItem::version).orElse(null);
            NotificationPreferencesItem item = new NotificationPreferencesItem(Keys.user(userId),
                    Keys.NOTIFY_PREFERENCES, userId, write(wire), clock.instant(), version);
            if (repository.savePreferences(item)) {
                LOG.info("trader {} chose notifications {}", userId, wire);
                return view(routes, channels, item.updatedAt());
            }
        }
        throw new ConflictException("your notification preferences changed at the same moment: save them again");
    }

    /**
     * Sets up (or replaces, enabled again) the trader's channel {@code kindWire} from {@code body}. A new webhook's
     * signing secret is in the answer, and never again.
     *
     * @throws NotFoundException     404 no such channel
     * @throws InvalidInputException 400/422 a body that is not the channel's setup
     */
    public ChannelView setUpChannel(String userId, String kindWire, JsonNode body) {
        ChannelKind kind = kind(kindWire);
        ChannelSetup setup = ChannelSetupParser.parse(kind, body, config.isAllowLocalWebhooks());
        NotificationChannelItem item = new NotificationChannelItem(Keys.user(userId), Keys.notifyChannel(kind.wire()),
                userId, kind.wire(), setup.target(), secrets.seal(userId, kind, setup.secrets()), 0L, null, null,
                clock.instant(), null);
        repository.saveChannel(item);
        LOG.info("trader {} set up their {} channel ({})", userId, kind.wire(), setup.target());
        ChannelView view = ChannelView.of(item);
        return kind == ChannelKind.WEBHOOK ? view.withSigningSecret(setup.secret(ChannelSetup.SIGNING_SECRET)) : view;
    }

    /** @throws NotFoundException 404 no such channel, or none set up */
    public void removeChannel(String userId, String kindWire) {
        ChannelKind kind = kind(kindWire);
        if (!repository.deleteChannel(userId, kind)) {
            throw new NotFoundException("no " + kind.wire() + " channel is set up");
        }
        LOG.info("trader {} removed their {} channel", userId, kind.wire());
    }

    /** The delivery log, newest first, {@code limit} a page. */
    public DeliveriesPage deliveries(String userId, int limit, String cursor) {
        String scope = "notification-deliveries";
        String after = cursor == null ? null : cursors.decode(userId, scope, cursor);
        List<NotificationDeliveryItem> items = repository.deliveries(userId, after, limit + 1);
        boolean more = items.size() > limit;
        List<NotificationDeliveryItem> page = more ? items.subList(0, limit) : items;
        String next = more ? cursors.encode(userId, scope, page.get(page.size() - 1).sk()) : null;
        return new DeliveriesPage(page.stream().map(DeliveryView::of).toList(), next);
    }

    /** The channels {@code type} goes to for the trader (the platform's own notice: email, when set up). */
    Map<NotificationEventType, List<ChannelKind>> routes(String userId) {
        return routes(repository.preferences(userId).orElse(null));
    }

    static ChannelKind kind(String wire) {
        return ChannelKind.parse(wire).orElseThrow(() -> new NotFoundException("no channel "
                + com.nija.shared.input.InputLimits.echo(wire) + ": the channels are " + ChannelKind.names()));
    }

    private static Map<NotificationEventType, List<ChannelKind>> routes(NotificationPreferencesItem item) {
        Map<NotificationEventType, List<ChannelKind>> routes = new EnumMap<>(NotificationEventType.class);
        if (item == null || item.routes() == null) return routes;
        try {
            Json.MAPPER.readValue(item.routes(), ROUTES).forEach((event, kinds) -> NotificationEventType.parse(event)
                    .ifPresent(type -> routes.put(type, kinds.stream().map(ChannelKind::parse)
                            .flatMap(Optional::stream).toList())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notification preferences are not JSON", e);
        }
        return routes;
    }

    private static PreferencesView view(Map<NotificationEventType, List<ChannelKind>> routes,
                                        List<NotificationChannelItem> channels, java.time.Instant updatedAt) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (NotificationEventType type : NotificationEventType.SELECTABLE) {
            events.put(type.wire(), routes.getOrDefault(type, List.of()).stream().map(ChannelKind::wire).toList());
        }
        return new PreferencesView(events, channels.stream().map(ChannelView::of).toList(), updatedAt);
    }

    private static String write(Map<String, List<String>> routes) {
        try {
            return Json.MAPPER.writeValueAsString(routes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of lists always serializes", e);
        }
    }
}
