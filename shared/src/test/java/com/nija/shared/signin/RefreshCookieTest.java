package com.nija.shared.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RefreshCookieTest {
    @Test
    @DisplayName("the refresh cookie is HttpOnly, Secure, SameSite=Strict, scoped to /auth and lives 30 days")
    void attributes() {
        String cookie = RefreshCookie.set("abc.def", Duration.ofDays(30));

        assertThat(cookie).startsWith("nija_refresh=abc.def;").contains("; HttpOnly", "; Secure", "; SameSite=Strict",
                "; Path=/auth", "; Max-Age=2592000");
        assertThat(RefreshCookie.clear()).startsWith("nija_refresh=;").contains("; Path=/auth", "; Max-Age=0");
    }

    @Test
    @DisplayName("the token is read from the request's cookies; other cookies and unsafe values are ignored")
    void reads() {
        assertThat(RefreshCookie.read(List.of("theme=dark", " nija_refresh=abc.def-_= "))).contains("abc.def-_=");
        assertThat(RefreshCookie.read(List.of("nija_refresh=a b"))).isEmpty();
        assertThat(RefreshCookie.read(List.of("nija_refresh="))).isEmpty();
        assertThat(RefreshCookie.read(null)).isEmpty();
    }
}
