package com.nija.functions.lambda;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.marketdata.MarketDataSource;
import com.nija.shared.strategy.ApexScanService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LambdaContextsTest {

    private static ApplicationContext start(ApplicationContextBuilder builder) {
        return builder.deduceEnvironment(false).properties(LocalBackends.get().properties()).start();
    }

    @Test
    @DisplayName("a function's own context builds what its route uses, not the strategy or the market-data client")
    void onlyWhatTheRouteUses() {
        TraderFixture trader = TraderFixture.newTrader().profile("pro", BotState.RUNNING, "10000.00");
        try (ApplicationContext context = start(LambdaContexts.builder())) {
            GetDashboardHandler handler = new GetDashboardHandler(context);

            JsonNode dashboard =
                    ok(handler.handleRequest(Events.http("api/get-dashboard.json", trader.userId()), null));

            assertThat(dashboard.path("tier").asText()).isEqualTo("pro");
            assertThat(context.getEnvironment().getActiveNames()).contains("function", "lambda");
            assertThat(context.getActiveBeanRegistrations(ApexScanService.class)).isEmpty();
            assertThat(context.getActiveBeanRegistrations(MarketDataSource.class)).isEmpty();
        }
    }

    @Test
    @DisplayName("micronaut-function-aws's own Lambda context would build every singleton at start")
    void defaultBuildsEverything() {
        try (ApplicationContext context = start(new LambdaApplicationContextBuilder())) {
            assertThat(context.getActiveBeanRegistrations(ApexScanService.class)).hasSize(1);
        }
    }
}
