package com.nija.shared.venues.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Without Redis; the nonces themselves are tested against a real redis-server in {@code functions}. */
class RedisNonceSourceTest {

    @Test
    @DisplayName("without Redis there is no nonce, so nothing is sent: NOT_PLACED")
    void noRedisNoNonce() {
        RedisGateway absent = new RedisGateway(new NijaConfig());

        assertThatThrownBy(() -> new RedisNonceSource(absent, PlatformClock.system()).next("some-api-key"))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED));
    }

    @Test
    @DisplayName("the Redis key is a hash of the API key, one per key, never the key itself")
    void keyIsHashed() {
        String apiKey = "HMm2X4pdGrMzYmzUq5ZSpQoQP/2zDY0K8JxNdFHsJRRr4hx3ZeyZOxxP";

        assertThat(RedisNonceSource.key(apiKey)).startsWith("kraken:nonce:").doesNotContain(apiKey)
                .isEqualTo(RedisNonceSource.key(apiKey)).isNotEqualTo(RedisNonceSource.key(apiKey + "x"));
    }
}
