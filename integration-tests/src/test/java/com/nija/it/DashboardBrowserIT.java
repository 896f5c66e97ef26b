package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.it.support.ApiTarget;
import com.nija.it.support.DashboardNode;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: Debian's chromium, driven by playwright-core from the dashboard's own node
 * tests ({@code dashboard/test/browser/}), against the shared local platform. The scenarios live in JavaScript
 * beside the app (the same selectors and helpers the benchmark uses); this class gives them the platform's URL,
 * tokens and a signal source, and fails with their TAP output when any fails.
 */
@PlatformTest
@LocalPlatformOnly("the dashboard is served by the local gateway; in AWS by CloudFront")
class DashboardBrowserIT {
    private final ApiTarget target;

    DashboardBrowserIT(ApiTarget target) {
        this.target = target;
    }

    @Test
    @DisplayName("sign-in by fragment and by form, the demo positions, fills and prices arriving live on the overview, orders and positions, closing twice, the trades CSV, settings, axe and the API reference pass in chromium")
    void browserScenarios() throws IOException, InterruptedException {
        DashboardNode.requireBrowser();
        SignalSource source = SignalSource.register(target, "dashboard browser");
        Trader live = Trader.following(target, "dashboard live", source, Map.of("allowedSymbols", List.of()));
        // The positions and orders scenarios have a source of their own: their signals reach no other trader.
        SignalSource positionsSource = SignalSource.register(target, "dashboard positions");
        Trader positions = Trader.following(target, "dashboard positions", positionsSource, Map.of("allowedSymbols", List.of()));

        Map<String, String> env = new HashMap<>();
        env.put("NIJA_DASHBOARD_URL", target.baseUrl());
        env.put("NIJA_DEMO_TOKEN", target.traderToken());
        env.put("NIJA_TRADER_TOKEN", live.token());
        env.put("NIJA_SETTINGS_TOKEN", target.changeableTraderToken("dashboard settings"));
        env.put("NIJA_FORM_TRADER", ApiTarget.newTraderId("dashboard form"));
        env.put("NIJA_SOURCE_ID", source.id());
        env.put("NIJA_SOURCE_SECRET", source.secret());
        env.put("NIJA_POSITIONS_TOKEN", positions.token());
        env.put("NIJA_POSITIONS_SOURCE_ID", positionsSource.id());
        env.put("NIJA_POSITIONS_SOURCE_SECRET", positionsSource.secret());
        env.put("NIJA_PRICE_FEED_ID", positionsSource.priceFeedId());
        env.put("NIJA_PRICE_FEED_SECRET", positionsSource.priceFeedSecret());

        DashboardNode.Run run = DashboardNode.run(env, "--test", "--test-reporter=tap", "test/browser/");

        System.out.println("[it] dashboard browser tests:\n" + run.output());
        assertThat(run.exitCode()).as("node --test test/browser/ output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("# pass 10").contains("# fail 0");
    }
}
