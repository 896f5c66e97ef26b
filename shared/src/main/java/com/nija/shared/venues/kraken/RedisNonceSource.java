package com.nija.shared.venues.kraken;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.venues.NonceSource;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Kraken nonces shared by every function that uses a key: one Redis round trip runs a script that answers
 * max(now in milliseconds, last + 1) and stores it, so two functions signing for the same key at the same
 * millisecond still send rising nonces (Kraken refuses one not above the last it saw: {@code EAPI:Invalid nonce}).
 * Milliseconds, as Kraken's own example nonce is, keep a key usable by the trader's other tools that count the same
 * way. The time is our clock's, not Redis's. The Redis key is a SHA-256 of the API key, so the key does not appear in
 * Redis; it expires after a few days unused, after which the clock alone is above any nonce it gave.
 *
 * <p>When Redis does not answer there is no nonce to sign with and nothing is sent: {@code NOT_PLACED}. A fallback on
 * the clock could repeat a nonce another function already used, and repeated invalid nonces lock the key out.
 */
public final class RedisNonceSource implements NonceSource {
    static final Duration KEY_TTL = Duration.ofDays(3);
    /** ARGV[1] = our clock's milliseconds, ARGV[2] = expiry in seconds; numbers kept whole with %d. */
    private static final String NEXT = """
            local last = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
            local n = tonumber(ARGV[1])
            if n <= last then n = last + 1 end
            redis.call('SET', KEYS[1], string.format('%d', n), 'EX', tonumber(ARGV[2]))
            return n
            """;

    private final RedisGateway redis;
    private final Clock clock;

    public RedisNonceSource(RedisGateway redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public long next(String keyId) {
        String now = Long.toString(clock.millis());
        Optional<Long> nonce = redis.call(r -> r.<Long>eval(NEXT, ScriptOutputType.INTEGER, new String[] {key(keyId)},
                now, Long.toString(KEY_TTL.toSeconds())));
        return nonce.orElseThrow(() -> new BrokerException(BrokerException.Kind.NOT_PLACED,
                "no Kraken nonce: Redis did not answer, so nothing was sent"));
    }

    /** The Redis key for an API key: its SHA-256, never the key itself. */
    static String key(String keyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyId.getBytes(StandardCharsets.UTF_8));
            return "kraken:nonce:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
