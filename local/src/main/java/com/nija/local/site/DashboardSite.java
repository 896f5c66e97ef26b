package com.nija.local.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.Problems;
import com.nija.local.auth.TokenIssuer;
import com.nija.local.gateway.StaticSite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dashboard on the local platform, at {@code /} on the API's port, as CloudFront serves it in AWS: the built
 * files with {@link SiteHeaders}, {@code index.html} for any other page path (the app routes in the browser), a
 * {@code /config.json} that says sign-in is local, the {@link LocalSignIn} form's endpoint, and a page for each
 * problem type ({@link ProblemPages}) and the API reference at {@value #REFERENCE} (its own page, with its own CSP).
 * API paths never fall back to the page: an unknown API route stays a 404 problem.
 */
public final class DashboardSite implements StaticSite {
    /** Where the nija-dashboard jar puts the build. */
    static final String ROOT = "dashboard";
    private static final List<String> API_PREFIXES = List.of("/api/", "/internal/", "/webhooks/", "/@connections");
    /** The API reference page, as CloudFront serves it too (cdk-app {@code DashboardSite}). */
    public static final String REFERENCE = "/docs/api/";
    private static final byte[] CONFIG = "{\"signIn\":\"local\"}".getBytes(StandardCharsets.UTF_8);

    private final SiteFiles files;
    private final LocalSignIn signIn;
    private final ProblemPages problems = ProblemPages.fromClasspath();

    DashboardSite(SiteFiles files, LocalSignIn signIn) {
        this.files = files;
        this.signIn = signIn;
    }

    /** The dashboard from this classpath, signing people in with {@code tokens}; empty when it was not built in. */
    public static Optional<DashboardSite> fromClasspath(TokenIssuer tokens) {
        SiteFiles files = new SiteFiles(ROOT, DashboardSite.class.getClassLoader());
        return files.present() ? Optional.of(new DashboardSite(files, new LocalSignIn(tokens))) : Optional.empty();
    }

    @Override
    public APIGatewayV2HTTPResponse serve(String method, String rawPath, Function<String, String> header, String body) {
        if (rawPath.equals(LocalSignIn.PATH)) {
            return method.equals("POST") ? signIn.handle(header, body)
                    : Problems.of(405, "method-not-allowed", "Method Not Allowed", "use POST", rawPath, Map.of());
        }
        if (!method.equals("GET") || rawPath.equals("/health") || API_PREFIXES.stream().anyMatch(rawPath::startsWith)) {
            return null;
        }
        if (rawPath.startsWith(ProblemPages.PREFIX)) {
            return problems.page(rawPath)
                    .map(page -> response(200, "text/html; charset=utf-8", SiteHeaders.NO_CACHE,
                            page.getBytes(StandardCharsets.UTF_8)))
                    .orElseGet(() -> Problems.of(404, "not-found", "Not Found", "no such problem type", rawPath,
                            Map.of()));
        }
        if (rawPath.equals(REFERENCE) || rawPath.equals("/docs/api") || rawPath.equals(REFERENCE + "index.html")) {
            String html = "text/html; charset=utf-8";
            return response(200, html, SiteHeaders.of(html, SiteHeaders.NO_CACHE, SiteHeaders.REFERENCE_CSP),
                    files.read(REFERENCE + "index.html").orElseThrow());
        }
        if (rawPath.equals("/config.json")) {
            return response(200, "application/json", SiteHeaders.NO_CACHE, CONFIG);
        }
        Optional<byte[]> file = rawPath.equals("/") ? Optional.empty() : files.read(rawPath);
        if (file.isPresent()) {
            boolean hashed = rawPath.startsWith("/assets/");
            return response(200, SiteFiles.contentType(rawPath), hashed ? SiteHeaders.IMMUTABLE : SiteHeaders.NO_CACHE,
                    file.get());
        }
        if (rawPath.startsWith("/assets/")) {
            // A missing hashed file is an old build's: answering the page instead would be cached as script.
            return response(404, "text/plain; charset=utf-8", SiteHeaders.NO_CACHE,
                    "not found".getBytes(StandardCharsets.UTF_8));
        }
        return response(200, "text/html; charset=utf-8", SiteHeaders.NO_CACHE, files.read("/index.html").orElseThrow());
    }

    private static APIGatewayV2HTTPResponse response(int status, String type, String cache, byte[] body) {
        return response(status, type, SiteHeaders.of(type, cache), body);
    }

    private static APIGatewayV2HTTPResponse response(int status, String type, Map<String, String> headers, byte[] body) {
        boolean text = SiteFiles.isText(type);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(!text)
                .build();
    }
}
