package com.nija.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.local.gateway.HttpApiEvents.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    @Test
    @DisplayName("the request target splits into raw path and raw query, in origin and absolute form")
    void targets() {
        assertThat(Target.of("/a/b?x=1&y=%20")).isEqualTo(new Target("/a/b", "x=1&y=%20"));
        assertThat(Target.of("/a/b")).isEqualTo(new Target("/a/b", ""));
        assertThat(Target.of("/a?")).isEqualTo(new Target("/a", ""));
        assertThat(Target.of("/a#frag")).isEqualTo(new Target("/a", ""));
        assertThat(Target.of("http://127.0.0.1:8080/api/x?q=1")).isEqualTo(new Target("/api/x", "q=1"));
        assertThat(Target.of("http://host:8080")).isEqualTo(new Target("/", ""));
        assertThat(Target.of("http://host?q=1")).isEqualTo(new Target("/", "q=1"));
        assertThat(Target.of("*")).isEqualTo(new Target("*", ""));
    }

    @Test
    @DisplayName("text, JSON, XML and form bodies pass as text; anything else, or no content type, as base64")
    void textContentTypes() {
        assertThat(HttpApiEvents.isText("application/json")).isTrue();
        assertThat(HttpApiEvents.isText("application/problem+json; charset=utf-8")).isTrue();
        assertThat(HttpApiEvents.isText("text/plain")).isTrue();
        assertThat(HttpApiEvents.isText("Application/XML")).isTrue();
        assertThat(HttpApiEvents.isText("application/atom+xml")).isTrue();
        assertThat(HttpApiEvents.isText("application/x-www-form-urlencoded")).isTrue();
        assertThat(HttpApiEvents.isText("application/octet-stream")).isFalse();
        assertThat(HttpApiEvents.isText("image/png")).isFalse();
        assertThat(HttpApiEvents.isText("multipart/form-data; boundary=x")).isFalse();
        assertThat(HttpApiEvents.isText(null)).isFalse();
    }
}
