package com.nija.functions.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.LocalBackends;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueRules;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Every venue has its client in the context, and a venue's base URL is configurable (how tests and sandboxes point it). */
class VenueWiringTest {

    @Test
    void everyVenueHasAClient() {
        VenueClients clients = LocalBackends.get().context().getBean(VenueClients.class);
        assertThat(Arrays.stream(Venue.values()).map(v -> clients.client(v).venue())).containsExactly(Venue.values());
    }

    @Test
    void aConfiguredBaseUrlIsWhereTheClientCalls() {
        WireMockServer okx = new WireMockServer(wireMockConfig().dynamicPort());
        okx.start();
        try {
            // OKX's documented public instruments answer (https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments).
            okx.stubFor(get(urlPathEqualTo("/api/v5/public/instruments")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"BTC-USDT\",\"instType\":\"SPOT\","
                            + "\"minSz\":\"0.00001\",\"lotSz\":\"0.00000001\",\"tickSz\":\"0.1\",\"state\":\"live\","
                            + "\"baseCcy\":\"BTC\",\"quoteCcy\":\"USDT\"}]}")));
            try (ApplicationContext context = LocalBackends.get().newContext(
                    Map.of("nija.broker.okx.base-url", okx.baseUrl()))) {
                VenueRules rules = context.getBean(VenueClients.class).client(Venue.OKX).rules("BTC-USDT");
                assertThat(rules.minSize()).isEqualByComparingTo("0.00001");
                assertThat(rules.tick()).isEqualByComparingTo("0.1");
            }
        } finally {
            okx.stop();
        }
    }
}
