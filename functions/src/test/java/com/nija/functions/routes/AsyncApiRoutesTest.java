package com.nija.functions.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.live.Format;
import com.nija.shared.live.LiveConfig;
import com.nija.shared.live.LiveEvent;
import com.nija.shared.testing.AsyncApiContract;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The code and the live-updates document describe the same WebSocket API: an event the code can push, or an action a
 * route takes, without its message in {@code docs/api/asyncapi.yaml} (or a message left behind when they go) fails
 * here, naming each, so whoever merges a branch knows what to document.
 */
class AsyncApiRoutesTest {
    private static final AsyncApiContract CONTRACT = AsyncApiContract.asyncApi();
    private static final Set<String> EVENTS =
            Arrays.stream(LiveEvent.values()).map(LiveEvent::wireName).collect(Collectors.toCollection(TreeSet::new));
    private static final Set<String> ACTIONS = RouteTable.WS_ROUTES.stream().map(WsRoute::routeKey)
            .filter(key -> !key.startsWith("$")).collect(Collectors.toCollection(TreeSet::new));

    @Test
    @DisplayName("every event a push can carry has its update message in docs/api/asyncapi.yaml, and every update message is an event")
    void eventsDocumented() {
        assertSame(EVENTS, CONTRACT.events(), "events without an update message", "update messages that no code pushes");
    }

    @Test
    @DisplayName("every action a WebSocket route takes is a client message in the document, and every client message has its route")
    void actionsDocumented() {
        assertSame(ACTIONS, CONTRACT.actions(), "actions without a client message", "client messages that no route takes");
    }

    @Test
    @DisplayName("the document's limits are the platform's: 32 KB and 10 updates a push, 50 channels, json or msgpack")
    void limits() {
        LiveConfig defaults = new LiveConfig();
        JsonNode messages = CONTRACT.document().path("components").path("messages");
        JsonNode updates = messages.path("updates");

        assertThat(updates.path("x-max-bytes").asInt()).isEqualTo(LiveConfig.API_GATEWAY_FRAME_BYTES)
                .isEqualTo(defaults.getMaxMessageBytes());
        assertThat(updates.path("x-max-updates").asInt()).isEqualTo(defaults.getMaxUpdatesPerMessage())
                .isEqualTo(updates.path("payload").path("properties").path("updates").path("maxItems").asInt());
        assertThat(CONTRACT.document().path("components").path("schemas").path("SubscriptionState").path("properties")
                .path("channels").path("maxItems").asInt()).isEqualTo(defaults.getMaxChannels());
        assertThat(messages.path("subscribe").path("payload").path("properties").path("format").path("enum"))
                .extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(Format.values()).map(Format::wireName).toList());
    }

    /** Names each side's extras, so a failure says what to document (or remove). */
    private static void assertSame(Set<String> inCode, Set<String> documented, String undocumented, String unused) {
        Set<String> missing = new TreeSet<>(inCode);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(inCode);

        assertThat(missing).as("%s in %s", undocumented, AsyncApiContract.DOCUMENT).isEmpty();
        assertThat(extra).as("%s, in %s", unused, AsyncApiContract.DOCUMENT).isEmpty();
    }
}
