package com.nija.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RedisServerProcess")
class RedisServerProcessTest {

    @Test
    @DisplayName("answers PING and keeps values while running")
    void answersPing() throws Exception {
        int port = FreePort.find();
        try (RedisServerProcess redis = new RedisServerProcess(port).start()) {
            assertThat(redis.isRunning()).isTrue();
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.uri()).hasToString("redis://127.0.0.1:" + port);
            assertThat(Resp.command(port, "PING")).isEqualTo("PONG");
            assertThat(Resp.command(port, "SET", "signal:1", "open")).isEqualTo("OK");
            assertThat(Resp.command(port, "GET", "signal:1")).isEqualTo("open");
        }
    }

    @Test
    @DisplayName("refuses connections after stop and serves again, empty, after start on the same port")
    void stopAndStartAgain() throws Exception {
        try (RedisServerProcess redis = new RedisServerProcess(FreePort.find()).start()) {
            int port = redis.port();
            Resp.command(port, "SET", "signal:1", "open");

            redis.stop();

            assertThat(redis.isRunning()).isFalse();
            assertThatThrownBy(() -> Resp.command(port, "PING")).isInstanceOf(ConnectException.class);

            redis.start();

            assertThat(redis.isRunning()).isTrue();
            assertThat(Resp.command(port, "PING")).isEqualTo("PONG");
            assertThat(Resp.command(port, "GET", "signal:1")).as("value after restart").isNull();
        }
    }

    @Test
    @DisplayName("runs with persistence off and bound to loopback only")
    void persistenceOffAndLoopbackOnly() throws Exception {
        try (RedisServerProcess redis = new RedisServerProcess(FreePort.find()).start()) {
            int port = redis.port();

            assertThat(Resp.command(port, "CONFIG", "GET", "save")).isEqualTo(List.of("save", ""));
            assertThat(Resp.command(port, "CONFIG", "GET", "appendonly")).isEqualTo(List.of("appendonly", "no"));
            assertThat(Resp.command(port, "CONFIG", "GET", "bind")).isEqualTo(List.of("bind", "127.0.0.1"));
        }
    }

    @Test
    @DisplayName("fails with a clear message when the port is already taken")
    void portInUse() {
        try (RedisServerProcess first = new RedisServerProcess(FreePort.find()).start()) {
            RedisServerProcess second = new RedisServerProcess(first.port());

            assertThatThrownBy(second::start)
                    .isInstanceOf(LocalServiceException.class)
                    .hasMessageContaining("port " + first.port())
                    .hasMessageContaining("already in use");
            assertThat(second.isRunning()).isFalse();
        }
    }
}
