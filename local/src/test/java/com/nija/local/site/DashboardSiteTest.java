package com.nija.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.local.auth.JwtVerifier;
import com.nija.local.auth.LocalSigningKey;
import com.nija.local.auth.TokenIssuer;
import com.nija.shared.json.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard as the local gateway serves it, from the nija-dashboard build on the classpath. */
class DashboardSiteTest {
    @TempDir
    static Path home;
    static LocalSigningKey key;
    static DashboardSite site;

    @BeforeAll
    static void site() {
        key = LocalSigningKey.loadOrCreate(home);
        site = DashboardSite.fromClasspath(new TokenIssuer(key)).orElseThrow(
                () -> new AssertionError("the dashboard build is not on the classpath (nija-dashboard)"));
    }

    private static APIGatewayV2HTTPResponse get(String path) {
        return site.serve("GET", path, name -> null, "");
    }

    private static APIGatewayV2HTTPResponse signIn(Map<String, String> headers, String body) {
        return site.serve("POST", "/local/sign-in", headers::get, body);
    }

    @Test
    @DisplayName("index.html is never cached and carries a CSP without inline scripts and with no framing")
    void indexHeaders() {
        APIGatewayV2HTTPResponse index = get("/");

        assertThat(index.getStatusCode()).isEqualTo(200);
        assertThat(index.getHeaders()).containsEntry("Cache-Control", "no-cache")
                .containsEntry("X-Content-Type-Options", "nosniff");
        String csp = index.getHeaders().get("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(index.getBody()).contains("<div id=\"app\">").doesNotContainPattern("<script>(?s).+</script>");
    }

    @Test
    @DisplayName("each problem type URI resolves to a page saying what it means and what to do, under the site's CSP")
    void problemPages() {
        APIGatewayV2HTTPResponse page = get("/problems/version-conflict");
        APIGatewayV2HTTPResponse unknown = get("/problems/no-such-problem");

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsKey("Content-Security-Policy");
        assertThat(page.getBody()).contains("<h1>version-conflict</h1>").contains("HTTP status 412")
                .contains("What to do").contains("If-Match").doesNotContain("<script");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("the API reference is its own page loading Redoc from a hashed asset; only it may use inline styles")
    void referencePage() {
        APIGatewayV2HTTPResponse page = get("/docs/api/");

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(get("/docs/api").getBody()).isEqualTo(page.getBody());
        assertThat(page.getBody()).contains("<div id=\"reference\">").doesNotContain("<div id=\"app\">")
                .doesNotContainPattern("<script>(?s).+</script>");
        String csp = page.getHeaders().get("Content-Security-Policy");
        assertThat(csp).contains("style-src 'self' 'unsafe-inline';", "script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(get("/").getHeaders().get("Content-Security-Policy")).doesNotContain("unsafe-inline");
        Matcher entry = Pattern.compile("src=\"(/assets/reference-[^\"]+\\.js)\"").matcher(page.getBody());
        assertThat(entry.find()).as(page.getBody()).isTrue();
        assertThat(get(entry.group(1)).getBody()).contains("/api/v1/openapi.json").containsPattern("/assets/redoc\\.standalone-[^\"]+\\.js");
    }

    @Test
    @DisplayName("a page path the app routes in the browser gets index.html; an API path stays the gateway's 404")
    void spaFallback() {
        assertThat(get("/settings").getBody()).isEqualTo(get("/").getBody());
        assertThat(get("/trades/anything").getStatusCode()).isEqualTo(200);

        assertThat(get("/api/v1/nothing-here")).isNull();
        assertThat(get("/internal/x")).isNull();
        assertThat(site.serve("POST", "/settings", name -> null, "")).isNull();
    }

    @Test
    @DisplayName("hashed assets are cached for a year; a missing one is a 404, never the page; no path climbs out")
    void assets() {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").getBody());
        assertThat(script.find()).isTrue();

        APIGatewayV2HTTPResponse js = get(script.group(1));

        assertThat(js.getStatusCode()).isEqualTo(200);
        assertThat(js.getHeaders()).containsEntry("Cache-Control", "public, max-age=31536000, immutable")
                .containsEntry("Content-Type", "text/javascript; charset=utf-8");
        assertThat(get("/assets/index-gone.js").getStatusCode()).isEqualTo(404);
        assertThat(get("/assets/../../com/nija/local/Main.class").getStatusCode()).isEqualTo(404);
        assertThat(get("/../dashboard/index.html").getBody()).isEqualTo(get("/").getBody());
    }

    @Test
    @DisplayName("the local sign-in issues a token the gateway accepts for the trader id given")
    void signInIssuesToken() throws Exception {
        APIGatewayV2HTTPResponse response = signIn(Map.of("Content-Type", "application/json", "Host", "127.0.0.1:3000",
                "Origin", "http://127.0.0.1:3000"), "{\"traderId\":\"trader-7\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        String token = Json.MAPPER.readTree(response.getBody()).path("token").asText();
        assertThat(new JwtVerifier(key).verifyAuthorizationHeader("Bearer " + token).subject()).isEqualTo("trader-7");
    }

    @Test
    @DisplayName("sign-in refuses a bad trader id naming the field, a non-JSON body and another site's page")
    void signInRefusals() {
        APIGatewayV2HTTPResponse badId = signIn(Map.of("Content-Type", "application/json"), "{\"traderId\":\"a b\"}");
        APIGatewayV2HTTPResponse form = signIn(Map.of("Content-Type", "application/x-www-form-urlencoded"), "traderId=x");
        APIGatewayV2HTTPResponse foreign = signIn(Map.of("Content-Type", "application/json", "Host", "127.0.0.1:3000",
                "Origin", "https://evil.example"), "{\"traderId\":\"x\"}");
        APIGatewayV2HTTPResponse notObject = signIn(Map.of("Content-Type", "application/json"), "[1]");

        assertThat(badId.getStatusCode()).isEqualTo(422);
        assertThat(badId.getBody()).contains("\"field\":\"traderId\"");
        assertThat(badId.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(form.getStatusCode()).isEqualTo(415);
        assertThat(foreign.getStatusCode()).isEqualTo(403);
        assertThat(notObject.getStatusCode()).isEqualTo(400);
        assertThat(site.serve("GET", "/local/sign-in", name -> null, "").getStatusCode()).isEqualTo(405);
    }
}
