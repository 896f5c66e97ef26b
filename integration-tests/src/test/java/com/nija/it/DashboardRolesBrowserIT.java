package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.it.support.ApiTarget;
import com.nija.it.support.DashboardNode;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's staff and account views in chromium ({@code dashboard/test/roles/}): an admin engages and releases
 * the kill switch from the page, finance figures only for finance and admin tokens (a trader gets a refusal and the
 * API's 403), the account's tier and limits, axe and a 375 px layout without horizontal scrolling, light and dark.
 * The kill switch is global: the scenario releases it again, also when it fails.
 */
@PlatformTest
@LocalPlatformOnly("the dashboard is served by the local gateway; staff tokens are minted with the platform's key")
class DashboardRolesBrowserIT {
    private static final Duration TTL = Duration.ofMinutes(15);
    private final ApiTarget target;

    DashboardRolesBrowserIT(ApiTarget target) {
        this.target = target;
    }

    @Test
    @DisplayName("kill switch from the admin page, finance only for finance and admin, account limits, axe at 375 px")
    void roleScenarios() throws IOException, InterruptedException {
        DashboardNode.requireBrowser();
        var tokens = target.platform("staff tokens signed with the platform's key").tokens();
        Map<String, String> env = Map.of(
                "NIJA_DASHBOARD_URL", target.baseUrl(),
                "NIJA_ADMIN_TOKEN", tokens.issue(ApiTarget.newTraderId("dashboard admin"), List.of("admin"), TTL),
                "NIJA_FINANCE_TOKEN", tokens.issue(ApiTarget.newTraderId("dashboard finance"), List.of("finance"), TTL),
                "NIJA_TRADER_TOKEN", target.newTraderToken("dashboard roles"));

        DashboardNode.Run run = DashboardNode.run(env, "--test", "--test-reporter=tap", "test/roles/");

        System.out.println("[it] dashboard role tests:\n" + run.output());
        assertThat(run.exitCode()).as("node --test test/roles/ output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("# pass 5").contains("# fail 0");
    }
}
