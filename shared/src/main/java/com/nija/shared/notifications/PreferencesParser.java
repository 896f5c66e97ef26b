package com.nija.shared.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code PUT /api/v1/notifications/preferences}: {@code {"events": {"fill": ["email", "webhook"],
 * …}}}, each event at most once with a list of distinct channels; an event left out goes nowhere. Every broken rule is
 * reported at once, naming the field ({@code events.fill[1]}) and the rule.
 */
public final class PreferencesParser {
    private static final String CHANNELS = "must be a list of channels (" + ChannelKind.names() + ")";

    private PreferencesParser() {}

    /**
     * @throws InvalidInputException 400 when the body is not a JSON object; 422 naming each broken field otherwise
     */
    public static Map<NotificationEventType, List<ChannelKind>> parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object {\"events\": {\"fill\": [\"email\"], …}}");
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("events")) {
                violations.add(new Violation(InputNames.safe(name), "is not a field of the preferences: send events"));
            }
        }
        JsonNode events = body.get("events");
        Map<NotificationEventType, List<ChannelKind>> routes = new EnumMap<>(NotificationEventType.class);
        if (events == null || !events.isObject()) {
            violations.add(new Violation("events", "is required: an object from event (" 
                    + NotificationEventType.selectableNames() + ") to a list of channels"));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = events.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = "events." + InputNames.safe(entry.getKey());
                NotificationEventType type = NotificationEventType.parse(entry.getKey())
                        .filter(NotificationEventType.SELECTABLE::contains).orElse(null);
                if (type == null) {
                    violations.add(new Violation(field, "is not an event you can choose: "
                            + NotificationEventType.selectableNames()));
                    continue;
                }
                channels(field, entry.getValue(), violations).ifPresent(list -> routes.put(type, list));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations, true);
        return routes;
    }

    private static java.util.Optional<List<ChannelKind>> channels(String field, JsonNode node, List<Violation> out) {
        if (node == null || !node.isArray()) {
            out.add(new Violation(field, CHANNELS));
            return java.util.Optional.empty();
        }
        Set<ChannelKind> seen = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = field + "[" + i + "]";
            ChannelKind kind = item.isTextual() ? ChannelKind.parse(item.textValue()).orElse(null) : null;
            if (kind == null) {
                out.add(new Violation(at, "is not a channel: " + ChannelKind.names()));
                ok = false;
            } else if (!seen.add(kind)) {
                out.add(new Violation(at, "lists " + kind.wire() + " a second time"));
                ok = false;
            }
        }
        return ok ? java.util.Optional.of(List.copyOf(seen)) : java.util.Optional.empty();
    }
}
