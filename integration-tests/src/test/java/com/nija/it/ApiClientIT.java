package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.it.support.ApiTarget;
import com.nija.it.support.DashboardNode;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the contract can call every trader route: the dashboard's node test
 * ({@code dashboard/test/client/}, openapi-fetch typed by the types openapi-typescript generates from
 * docs/api/openapi.yaml, checked by tsc in the dashboard's build) calls each trader operation of the document the
 * platform serves, against the shared local platform, as a fresh trader.
 */
@PlatformTest
@LocalPlatformOnly("the client connects and removes a venue key and changes settings: a fresh trader's, minted locally")
class ApiClientIT {
    private final ApiTarget target;

    ApiClientIT(ApiTarget target) {
        this.target = target;
    }

    @Test
    @DisplayName("openapi-fetch with the generated types calls every trader operation, each answered as documented")
    void generatedClientCallsEveryTraderRoute() throws IOException, InterruptedException {
        Map<String, String> env = Map.of("NIJA_API_BASE_URL", target.baseUrl(),
                "NIJA_CLIENT_TOKEN", target.changeableTraderToken("generated client"));

        DashboardNode.Run run = DashboardNode.run(env, "--test", "--test-reporter=tap", "test/client/");

        System.out.println("[it] generated client:\n" + run.output());
        assertThat(run.exitCode()).as("node --test test/client/ output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("# pass 1").contains("# fail 0");
    }
}
