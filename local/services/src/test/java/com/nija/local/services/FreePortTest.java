package com.nija.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FreePort")
class FreePortTest {

    @Test
    @DisplayName("returns a loopback port that can be bound and is reported in use while bound")
    void returnsBindablePort() throws Exception {
        int port = FreePort.find();

        assertThat(port).isBetween(1024, 65535);
        assertThat(FreePort.isAcceptingConnections(port)).isFalse();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePort.isAcceptingConnections(port)).isTrue();
        }
    }
}
