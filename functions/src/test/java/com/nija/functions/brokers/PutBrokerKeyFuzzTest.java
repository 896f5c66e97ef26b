package com.nija.functions.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.functions.support.Events;
import com.nija.functions.support.FuzzBackends;
import com.nija.functions.support.ServerFaults;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.brokers.BrokerLinkItem;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.venues.Venue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the body of {@code PUT /api/v1/brokers/{venue}} through its handler for a pro trader (the input's first byte
 * picks the venue). Every answer is a 2xx or a problem+json 4xx, never a 5xx; a refusal leaves the trader's connection
 * at that venue as it was.
 */
class PutBrokerKeyFuzzTest {
    private static String user;
    private static PutBrokerKeyHandler handler;
    private static BrokerLinkRepository links;

    private static synchronized PutBrokerKeyHandler handler() {
        if (handler == null) {
            handler = new PutBrokerKeyHandler(FuzzBackends.context());
            links = FuzzBackends.context().getBean(BrokerLinkRepository.class);
            user = TraderFixture.newTrader().profile("pro", BotState.RUNNING, "10000.00").userId();
        }
        return handler;
    }

    @FuzzTest
    void body(byte[] input) {
        PutBrokerKeyHandler put = handler();
        if (input.length == 0) return;
        Venue venue = Venue.values()[Math.floorMod(input[0], Venue.values().length)];
        String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        Optional<Long> before = links.find(user, venue).map(BrokerLinkItem::version);
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/connect-broker.json", user), body);
        event.setPathParameters(Map.of("venue", venue.wire()));

        boolean accepted = ServerFaults.assertNone(put.handleRequest(event, null), body);

        if (!accepted) {
            assertThat(links.find(user, venue).map(BrokerLinkItem::version)).as("connection after refusing %s", body)
                    .isEqualTo(before);
        }
    }
}
