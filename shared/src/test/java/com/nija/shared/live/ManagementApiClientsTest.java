package com.nija.shared.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.config.NijaConfig;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManagementApiClientsTest {
    @Test
    @DisplayName("pushes to another region's API are signed for that region, read from its execute-api host")
    void regionOfEndpoint() {
        assertThat(ManagementApiClients.regionOf(URI.create("https://a1b2c3.execute-api.us-west-2.amazonaws.com/live")))
                .contains("us-west-2");
        assertThat(ManagementApiClients.regionOf(URI.create("https://live.nija.example/live"))).isEmpty();
        assertThat(ManagementApiClients.regionOf(URI.create("http://127.0.0.1:3000"))).isEmpty();
    }

    @Test
    @DisplayName("without a callback URL a function pushes nothing; with one, connections naming no endpoint use it")
    void ownEndpoint() {
        LiveConfig live = new LiveConfig();
        assertThat(new ManagementApiClients(live, new NijaConfig()).forEndpoint(null)).isEmpty();

        live.setCallbackUrl("http://127.0.0.1:9");
        ManagementApiClients clients = new ManagementApiClients(live, new NijaConfig());
        assertThat(clients.enabled()).isTrue();
        assertThat(clients.forEndpoint(null)).containsSame(clients.forEndpoint("http://127.0.0.1:9").orElseThrow());
        assertThat(clients.forEndpoint("http://127.0.0.1:10").orElseThrow())
                .isNotSameAs(clients.forEndpoint(null).orElseThrow());
        clients.close();
    }
}
