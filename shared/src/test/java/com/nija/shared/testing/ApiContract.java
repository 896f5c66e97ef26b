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

    private static final String PROBLEM_TYPE_BASE = "https://nija.dev/problems/";

    private final Path file;
    private final OpenApiInteractionValidator validator;
    private final Set<String> problemTypes;

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
        this.problemTypes = new TreeSet<>();
        tree(file).path("x-problem-types").fieldNames().forEachRemaining(problemTypes::add);
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
        uncatalogued(exchange).ifPresent(type -> {
            throw new AssertionError(exchange.method() + " " + exchange.path() + " → " + exchange.status()
                    + " answered problem type " + type + ", which " + DOCUMENT + " does not list in x-problem-types");
        });
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

    /** The problem type of a problem answer when the document's catalogue ({@code x-problem-types}) lacks it. */
    private java.util.Optional<String> uncatalogued(Exchange exchange) {
        boolean problem = exchange.responseHeaders().entrySet().stream()
                .anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type")
                        && h.getValue().startsWith("application/problem+json"));
        if (!problem || exchange.responseBody() == null) return java.util.Optional.empty();
        try {
            String type = new com.fasterxml.jackson.databind.ObjectMapper().readTree(exchange.responseBody())
                    .path("type").asText();
            String slug = type.startsWith(PROBLEM_TYPE_BASE) ? type.substring(PROBLEM_TYPE_BASE.length()) : type;
            return problemTypes.contains(slug) ? java.util.Optional.empty() : java.util.Optional.of(type);
        } catch (IOException notJson) {
            return java.util.Optional.of("(not JSON)");
        }
    }

    /** Every operation of the document as {@code METHOD /path} (the route table's route keys). */
    public Set<String> operations() {
        Set<String> keys = new TreeSet<>();
        tree(file).path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(m)) {
                keys.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return keys;
    }

    private static JsonNode tree(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Request request(Exchange exchange, Request.Method method) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, exchange.path());
        if (exchange.query() != null) exchange.query().forEach(request::withQueryParam);
        if (exchange.headers() != null) exchange.headers().forEach(request::withHeader);
        if (exchange.body() != null && !exchange.body().isEmpty()) request.withBody(exchange.body());
        return request.build();
    }

    static Path locate(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) return dir.resolve(relative);
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
