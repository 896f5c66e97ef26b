package com.nija.shared.signals;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

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
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("t=")) t = p.substring(2);
            else if (p.startsWith("v1=")) v1 = p.substring(3);
        }
        // Unix seconds have 10 digits until 2286; a longer t is refused before any date arithmetic can overflow.
        if (t == null || v1 == null || !EPOCH_SECONDS.matcher(t).matches()) return false;
        try {
            long skew = Math.abs(Long.parseLong(t) - now.getEpochSecond());
            if (skew > SIGNATURE_TOLERANCE.toSeconds()) return false;
            byte[] expected = hmac(secret, t + "." + body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1.toLowerCase()));
        } catch (IllegalArgumentException e) { // not a number, not hex
            return false;
        }
    }

    /** The header value a sender puts in {@code X-Nija-Signature} for {@code body} at {@code at}. */
    public static String sign(String secret, String body, Instant at) {
        String t = Long.toString(at.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t + "." + body));
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
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
