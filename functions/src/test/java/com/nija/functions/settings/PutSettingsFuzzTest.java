package com.nija.functions.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.functions.support.Events;
import com.nija.functions.support.ServerFaults;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.FuzzBackends;
import com.nija.shared.account.BotState;
import com.nija.shared.data.SettingsItem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fuzzes the body of {@code PUT /api/v1/settings} through its handler, for a pro trader. Every answer is a 2xx or a
 * problem+json 4xx, never a 5xx; a refusal leaves the stored settings as they were.
 */
class PutSettingsFuzzTest {
    private static TraderFixture trader;
    private static PutSettingsHandler handler;

    private static synchronized PutSettingsHandler handler() {
        if (handler == null) {
            handler = new PutSettingsHandler(FuzzBackends.context());
            trader = TraderFixture.newTrader().profile("pro", BotState.RUNNING, "10000.00");
        }
        return handler;
    }

    @FuzzTest
    void body(byte[] input) {
        PutSettingsHandler put = handler();
        String body = new String(input, StandardCharsets.UTF_8);
        Optional<Long> versionBefore = trader.storedSettings().map(SettingsItem::version);
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/put-settings.json", trader.userId()), body);
        // The stored version, so a valid body is saved rather than refused as stale (no settings yet: version 0).
        event = Events.withHeader(event, "If-Match", "\"" + versionBefore.orElse(0L) + "\"");

        boolean accepted = ServerFaults.assertNone(put.handleRequest(event, null), body);

        if (!accepted) {
            assertThat(trader.storedSettings().map(SettingsItem::version)).as("settings after refusing %s", body)
                    .isEqualTo(versionBefore);
        }
    }
}
