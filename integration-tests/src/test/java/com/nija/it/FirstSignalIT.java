package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.DedicatedPlatform;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.Trader;
import com.nija.local.demo.DemoSeeder;
import com.nija.local.platform.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first minutes on a fresh {@code up --demo}: the signal the banner prints, and then the one the README
 * shows, each place an order that fills (the first one used to buy a market the demo trader already held, and was
 * refused). A platform of its own, seeded as on a new machine, because the shared one's demo trader is read by
 * other tests.
 */
@PlatformTest
class FirstSignalIT {
    private static DedicatedPlatform fresh;
    private static Trader demo;

    @BeforeAll
    static void freshDemo(ApiTarget shared) {
        // The banner's and the README's buys come seconds apart; a newcomer waits longer than the 5 s spacing.
        fresh = DedicatedPlatform.start(shared, "a newcomer's fresh demo", Map.of("nija.throttle.enabled", false), true);
        LocalPlatform platform = fresh.platform();
        demo = new Trader(fresh.api(), LocalPlatform.DEMO_TRADER,
                platform.tokens().issue(LocalPlatform.DEMO_TRADER, List.of(), Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        if (fresh != null) fresh.close();
    }

    @Test
    @DisplayName("the banner's signal, then the README's after an exit, each fill an order for the demo trader")
    void bannerThenReadme() throws IOException {
        String secret = fresh.platform().demoSecret();

        JsonNode banner = post(DemoSeeder.firstSignal(secret), 202);
        JsonNode bought = filledBuy(DemoSeeder.FIRST_SIGNAL_MARKET, 1);
        post("{\"source\":\"demo\",\"secret\":\"" + secret + "\",\"symbol\":\"" + DemoSeeder.FIRST_SIGNAL_MARKET
                + "\",\"action\":\"exit\",\"signalId\":\"first-signal-exit\"}", 202);
        demo.awaitPositions("the first position closed", "open",
                open -> open.stream().noneMatch(p -> p.path("symbol").asText().equals(DemoSeeder.FIRST_SIGNAL_MARKET)));
        JsonNode readme = post(readmeSignalBody().replace("<secret>", secret), 202);
        JsonNode boughtAgain = filledBuy(DemoSeeder.FIRST_SIGNAL_MARKET, 2);

        assertThat(banner.path("signalId").asText()).isNotBlank();
        assertThat(readme.path("signalId").asText()).isEqualTo("my-first-signal");
        assertThat(bought.path("status").asText()).isEqualToIgnoringCase("filled");
        assertThat(boughtAgain.path("status").asText()).isEqualToIgnoringCase("filled");
        assertThat(demo.orders("refused")).noneMatch(o -> o.path("symbol").asText().equals(DemoSeeder.FIRST_SIGNAL_MARKET));
    }

    private static JsonNode post(String body, int status) {
        return fresh.api().send("POST", "/api/v1/signals", null, Map.of("Content-Type", "application/json"),
                body).expect(status).json();
    }

    /** Waits for the {@code n}-th filled buy of {@code symbol}; returns the newest. */
    private static JsonNode filledBuy(String symbol, int n) {
        return demo.awaitOrders(n + " filled buys of " + symbol, "filled", orders -> orders.stream()
                .filter(o -> o.path("symbol").asText().equals(symbol) && o.path("side").asText().equalsIgnoreCase("buy"))
                .count() >= n).stream()
                .filter(o -> o.path("symbol").asText().equals(symbol)).findFirst().orElseThrow();
    }

    /** The body of the README's "send a signal" example, as a reader would copy it. */
    private static String readmeSignalBody() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("curl -s -X POST http://127\\.0\\.0\\.1:3000/api/v1/signals \\\\\\s*-d '([^']+)'")
                .matcher(readme);
        assertThat(m.find()).as("the README shows how to send a signal").isTrue();
        return m.group(1);
    }
}
