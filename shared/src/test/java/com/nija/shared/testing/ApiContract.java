package com.nija.shared.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API contract ({@code docs/api/openapi.yaml}) as tests hold the platform to it: every exchange a handler test or
 * an integration test makes goes through {@link #check}, so a response that does not match its documented schema
 * (status, content type, body, headers) fails the test that produced it. A request is checked when the platform
 * accepted it (2xx): the document must allow what the platform takes; refused requests are refused on purpose.
 */
public final class ApiContract {
    public static final Path DOCUMENT = Path.of("docs", "api", "openapi.yaml");

    private static final ApiContract INSTANCE = new ApiContract(locate(DOCUMENT));

    private final Path file;
    private final OpenApiInteractionValidator validator;

    private ApiContract(Path file) {
        this.file = file;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(OpenApi30.render(file))
                .withLevelResolver(LevelResolver.create()
                        // The handler's caller (API Gateway's authorizer, or a test) has already proved identity.
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        // Clients ask for JSON; problems come as application/problem+json, which JSON clients read.
                        .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    public static ApiContract openApi() {
        return INSTANCE;
    }

    /** The document's file (found from the working directory upwards: each module runs its tests in its own). */
    public Path file() {
        return file;
    }

    /** One HTTP exchange as the client saw it; header names in any case, query already decoded. */
    public record Exchange(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String body, int status, Map<String, String> responseHeaders, String responseBody) {}

    /** @throws AssertionError naming the operation and each way the exchange breaks the document */
    public void check(Exchange exchange) {
        Request.Method method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = validator.validateResponse(exchange.path(), method, response.build());
        if (exchange.status() / 100 == 2) report = report.merge(validator.validateRequest(request(exchange, method)));
        if (report.getMessages().stream().anyMatch(m -> breaks(m, exchange.status()))) {
            throw new AssertionError(exchange.method() + " " + exchange.path() + " → " + exchange.status()
                    + " breaks " + DOCUMENT + ":\n" + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nresponse body: " + exchange.responseBody());
        }
    }

    /**
     * An error that counts: all of them, except a gateway's own 404 or 405 for a path or method no route serves
     * (integration tests ask for those on purpose; the route table test keeps routes and operations equal).
     */
    private static boolean breaks(ValidationReport.Message message, int status) {
        if (message.getLevel() != ValidationReport.Level.ERROR) return false;
        boolean noOperation = message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed");
        return !(noOperation && (status == 404 || status == 405));
    }

    /** Every operation of the document as {@code METHOD /path} (the route table's route keys). */
    public Set<String> operations() {
        Set<String> keys = new TreeSet<>();
        try {
            JsonNode paths = new YAMLMapper().readTree(file.toFile()).path("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Request request(Exchange exchange, Request.Method method) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, exchange.path());
        if (exchange.query() != null) exchange.query().forEach(request::withQueryParam);
        if (exchange.headers() != null) exchange.headers().forEach(request::withHeader);
        if (exchange.body() != null && !exchange.body().isEmpty()) request.withBody(exchange.body());
        return request.build();
    }

    private static Path locate(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) return dir.resolve(relative);
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
