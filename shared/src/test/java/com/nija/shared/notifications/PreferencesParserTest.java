package com.nija.shared.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The preferences body, read strictly: what routes each event, and which field a broken body names. */
class PreferencesParserTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("{\"events\":{}}", Map.of()),
                Arguments.of("{\"events\":{\"fill\":[\"email\",\"webhook\"]}}",
                        Map.of(NotificationEventType.FILL, List.of(ChannelKind.EMAIL, ChannelKind.WEBHOOK))),
                Arguments.of("{\"events\":{\"refusal\":[],\"payment-failed\":[\"telegram\"]}}",
                        Map.of(NotificationEventType.REFUSAL, List.of(),
                                NotificationEventType.PAYMENT_FAILED, List.of(ChannelKind.TELEGRAM))),
                Arguments.of("{\"events\":{\"auto-pause\":[\"discord\"],\"drawdown-stop\":[\"discord\",\"email\"],"
                                + "\"live-mode\":[\"webhook\"],\"trial-ending\":[\"email\"]}}",
                        Map.of(NotificationEventType.AUTO_PAUSE, List.of(ChannelKind.DISCORD),
                                NotificationEventType.DRAWDOWN_STOP, List.of(ChannelKind.DISCORD, ChannelKind.EMAIL),
                                NotificationEventType.LIVE_MODE, List.of(ChannelKind.WEBHOOK),
                                NotificationEventType.TRIAL_ENDING, List.of(ChannelKind.EMAIL))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    @DisplayName("each event goes to exactly the channels listed for it, in order; events left out go nowhere")
    void routes(String body, Map<NotificationEventType, List<ChannelKind>> expected) {
        assertThat(PreferencesParser.parse(Json.readTree(body).orElseThrow())).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{}", "events", "is required"),
                Arguments.of("{\"events\":[]}", "events", "is required"),
                Arguments.of("{\"events\":{\"fills\":[\"email\"]}}", "events.fills", "is not an event"),
                Arguments.of("{\"events\":{\"channel-disabled\":[\"email\"]}}", "events.channel-disabled",
                        "is not an event you can choose"),
                Arguments.of("{\"events\":{\"fill\":\"email\"}}", "events.fill", "must be a list of channels"),
                Arguments.of("{\"events\":{\"fill\":[\"email\",\"sms\"]}}", "events.fill[1]", "is not a channel"),
                Arguments.of("{\"events\":{\"fill\":[\"email\",\"email\"]}}", "events.fill[1]", "a second time"),
                Arguments.of("{\"events\":{\"fill\":[1]}}", "events.fill[0]", "is not a channel"),
                Arguments.of("{\"events\":{},\"enabled\":true}", "enabled", "is not a field"),
                Arguments.of("{\"events\":{},\"whsec_0123456789abcdefghijklmnopqrstuvwxyz\":1}",
                        "(a field of 42 characters)", "is not a field"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("refused")
    @DisplayName("a broken body is 422 naming the field and the rule, never echoing an unknown name that could be a secret")
    void refusals(String body, String field, String rule) {
        assertThatThrownBy(() -> PreferencesParser.parse(Json.readTree(body).orElseThrow()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.wellFormed()).isTrue();
                    assertThat(e.violations()).anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo(field);
                        assertThat(v.message()).contains(rule);
                    });
                    assertThat(e.getMessage()).doesNotContain("whsec_");
                });
    }

    @ParameterizedTest
    @MethodSource("notObjects")
    @DisplayName("a body that is not a JSON object is 400 naming body")
    void notAnObject(String body) {
        assertThatThrownBy(() -> PreferencesParser.parse(Json.readTree(body).orElse(null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.wellFormed()).isFalse();
                    assertThat(e.violations().get(0).field()).isEqualTo("body");
                });
    }

    static Stream<String> notObjects() {
        return Stream.of("[]", "\"events\"", "42", "");
    }
}
