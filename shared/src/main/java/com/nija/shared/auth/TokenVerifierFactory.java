package com.nija.shared.auth;

import com.nija.shared.config.ScaledClock;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

/** The token verifier, only in functions configured with an issuer (the WebSocket authorizer). */
@Factory
public class TokenVerifierFactory {

    @Singleton
    @Requires(property = "nija.auth.issuer")
    TokenVerifier tokenVerifier(AuthConfig config, Clock clock) {
        if (config.getAudience() == null) throw new IllegalStateException("nija.auth.audience is not set");
        // Tokens are issued by wall time: the local demo's fast replay clock must not age them.
        Clock wall = clock instanceof ScaledClock scaled ? scaled.base() : clock;
        return new TokenVerifier(keys(config), config.getIssuer(), config.getAudience(),
                Duration.ofSeconds(config.getClockSkewSeconds()), wall);
    }

    /** The inline key set when given; else the issuer's JWKS, fetched on first use, cached, refreshed on rotation. */
    static JWKSource<SecurityContext> keys(AuthConfig config) {
        try {
            if (config.getJwks() != null) return new ImmutableJWKSet<>(JWKSet.parse(config.getJwks()));
            return JWKSourceBuilder.create(URI.create(config.resolvedJwksUrl()).toURL()).retrying(true).build();
        } catch (ParseException e) {
            throw new IllegalStateException("nija.auth.jwks is not a JWK set: " + e.getMessage(), e);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("nija.auth.jwks-url is not a URL: " + e.getMessage(), e);
        }
    }
}
