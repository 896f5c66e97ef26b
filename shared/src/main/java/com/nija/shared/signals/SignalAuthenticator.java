package com.nija.shared.signals;

import com.nija.shared.crypto.TimestampedHmac;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who sent a signal or a price update. Programmatic senders sign: {@code X-Nija-Source} and
 * {@code X-Nija-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>}, with {@code t} within 5 minutes.
 * TradingView cannot set headers, so it may put {@code source} and {@code secret} in the body instead.
 * Secrets and signatures are compared in constant time; a refusal never says which part was wrong (nor whether the
 * source exists or is disabled). During a rotation's overlap both the new and the previous secret verify.
 */
@Singleton
public class SignalAuthenticator {
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    private final SourceRegistry sources;

    public SignalAuthenticator(SourceRegistry sources) {
        this.sources = sources;
    }

    /**
     * @param kind SIGNALS or PRICES: a price feed can't send signals and vice versa
     * @throws SignalAuthException (401) for an unknown or disabled source, a wrong secret or signature
     */
    public VerifiedSource authenticate(Optional<String> sourceHeader, Optional<String> signatureHeader,
                                       Optional<String> bodySource, Optional<String> bodySecret, String rawBody,
                                       String kind, Instant now) {
        if (sourceHeader.isPresent() && signatureHeader.isPresent()) {
            return sources.verify(sourceHeader.get(), kind, now,
                    secret -> signatureValid(signatureHeader.get(), rawBody, secret, now))
                    .orElseThrow(SignalAuthenticator::refused);
        }
        if (bodySource.isPresent() && bodySecret.isPresent()) {
            return sources.verify(bodySource.get(), kind, now, secret -> constantTimeEquals(bodySecret.get(), secret))
                    .orElseThrow(SignalAuthenticator::refused);
        }
        throw new SignalAuthException("sign the request (X-Nija-Source + X-Nija-Signature) or send source and secret");
    }

    /** One of the platform's own strategies: no secret to check, but the source must be registered and enabled. */
    public VerifiedSource platformSource(String sourceId, Instant now) {
        return sources.verify(sourceId, "SIGNALS", now, secret -> true).orElseThrow(SignalAuthenticator::refused);
    }

    static boolean signatureValid(String header, String body, String secret, Instant now) {
        return TimestampedHmac.verify(header, body, secret, now, SIGNATURE_TOLERANCE);
    }

    /** The header value a sender puts in {@code X-Nija-Signature} for {@code body} at {@code at}. */
    public static String sign(String secret, String body, Instant at) {
        return TimestampedHmac.sign(secret, body, at);
    }

    /** Compares digests, so neither content nor length leaks through timing. */
    static boolean constantTimeEquals(String given, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignalAuthException refused() {
        return new SignalAuthException("the sender could not be authenticated");
    }
}
