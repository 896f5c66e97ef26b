package com.nija.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.nija.shared.live.Format;
import com.nija.shared.live.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live-updates contract ({@code docs/api/asyncapi.yaml}) as tests hold the platform to it: every WebSocket message
 * a handler test or an integration test sees goes through {@link #checkReceived} or {@link #checkSent}, so a message
 * that does not match its payload schema fails the test that produced it. Payloads are AsyncAPI schemas (JSON Schema
 * draft-07), checked with networknt's validator.
 *
 * <p>The document's own structure names the messages: what the {@code send} operations take are client messages
 * (told apart by {@code action}), what their replies and the {@code receive} operations carry are server messages
 * (told apart by {@code type}), and the items an {@code updates} message may hold are the update messages (told apart
 * by {@code event}); each message's {@code name} is that discriminating value.
 */
public final class AsyncApiContract {
    public static final Path DOCUMENT = Path.of("docs", "api", "asyncapi.yaml");
    /** The server message of frames without a {@code type}: the gateway's own answer when a route failed. */
    static final String UNTYPED = "gatewayError";
    static final String UPDATES = "updates";

    private static final String BASE = "https://nija.dev/asyncapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AsyncApiContract INSTANCE = new AsyncApiContract(ApiContract.locate(DOCUMENT));

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> clientMessages;
    private final Map<String, Schema> serverMessages;
    private final Map<String, Schema> updateMessages;
    private final int maxBytes;

    private AsyncApiContract(Path file) {
        try {
            document = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Only the components, where every payload and its $refs live: the rest of an AsyncAPI document is no schema.
        String components = JSON.createObjectNode().set("components", document.path("components")).toString();
        // Draft-07, knowing the AsyncAPI schema keyword it adds and the wrapper's root, so neither is logged as unknown.
        Dialect asyncApiSchema = Dialect.builder(Dialects.getDraft7())
                .keyword(new NonValidationKeyword("components"))
                .keyword(new NonValidationKeyword("discriminator"))
                .build();
        registry = SchemaRegistry.withDefaultDialect(asyncApiSchema, builder -> builder.schemas(Map.of(BASE, components)));
        clientMessages = new LinkedHashMap<>();
        serverMessages = new LinkedHashMap<>();
        document.path("operations").forEach(operation -> {
            boolean send = operation.path("action").asText().equals("send");
            operation.path("messages").forEach(m -> (send ? clientMessages : serverMessages)
                    .computeIfAbsent(nameOf(m), this::payload));
            operation.path("reply").path("messages").forEach(m -> serverMessages.computeIfAbsent(nameOf(m), this::payload));
        });
        updateMessages = new LinkedHashMap<>();
        message(UPDATES).path("payload").path("properties").path("updates").path("items").path("oneOf")
                .forEach(item -> updateMessages.computeIfAbsent(nameOf(item), this::payload));
        maxBytes = message(UPDATES).path("x-max-bytes").asInt(Integer.MAX_VALUE);
    }

    public static AsyncApiContract asyncApi() {
        return INSTANCE;
    }

    /** The actions a client can send ({@code subscribe}, …). */
    public Set<String> actions() {
        return new TreeSet<>(clientMessages.keySet());
    }

    /** The events an {@code updates} message can carry ({@code order.filled}, …). */
    public Set<String> events() {
        return new TreeSet<>(updateMessages.keySet());
    }

    /** The {@code type}s of the messages the server sends ({@code updates}, {@code pong}, …). */
    public Set<String> serverTypes() {
        Set<String> types = new TreeSet<>(serverMessages.keySet());
        types.remove(UNTYPED);
        return types;
    }

    /** The parsed document, for tests that check its own consistency. */
    public JsonNode document() {
        return document;
    }

    /** A frame the client sent and the platform accepted. @throws AssertionError naming each way it breaks the document */
    public void checkSent(String json) {
        JsonNode message = parse(json);
        String action = message.path("action").asText();
        Schema schema = clientMessages.get(action);
        if (schema == null) {
            throw new AssertionError("a client message with action '" + action + "', which " + DOCUMENT
                    + " does not describe, was accepted: " + json);
        }
        fail("client message " + action, schema.validate(message), json);
    }

    /** A text frame the server sent. */
    public void checkReceived(String text) {
        check(parse(text), text.getBytes(StandardCharsets.UTF_8).length, text);
    }

    /**
     * A frame the server sent, as its bytes: JSON text, or MessagePack (a map header byte, never the start of a JSON
     * object) on a connection that asked for it.
     */
    public void checkReceived(byte[] frame) {
        boolean json = frame.length > 0 && frame[0] == '{';
        JsonNode message = json ? parse(new String(frame, StandardCharsets.UTF_8))
                : JSON.valueToTree(MessageCodec.decode(frame, Format.MSGPACK));
        check(message, frame.length, message.toString());
    }

    private void check(JsonNode message, int bytes, String shown) {
        String type = message.has("type") ? message.path("type").asText() : UNTYPED;
        Schema schema = serverMessages.get(type);
        if (schema == null) {
            throw new AssertionError("the server sent a message of type '" + type + "', which " + DOCUMENT
                    + " does not describe: " + shown);
        }
        List<String> errors = new ArrayList<>();
        if (type.equals(UPDATES)) {
            if (bytes > maxBytes) errors.add("a pushed message of " + bytes + " bytes, over the " + maxBytes + " allowed");
            // Each update against its own event's message first: a oneOf failure alone would list every branch.
            message.path("updates").forEach(update -> errors.addAll(updateErrors(update)));
        }
        if (errors.isEmpty()) schema.validate(message).forEach(e -> errors.add(e.toString()));
        if (!errors.isEmpty()) {
            throw new AssertionError("server message " + type + " breaks " + DOCUMENT + ":\n  "
                    + String.join("\n  ", errors) + "\nmessage: " + shown);
        }
    }

    private List<String> updateErrors(JsonNode update) {
        String event = update.path("event").asText();
        Schema schema = updateMessages.get(event);
        if (schema == null) return List.of("an update of event '" + event + "', which has no message in the document");
        return schema.validate(update).stream().map(e -> event + ": " + e).toList();
    }

    private static void fail(String what, List<Error> errors, String shown) {
        if (errors.isEmpty()) return;
        throw new AssertionError(what + " breaks " + DOCUMENT + ":\n  "
                + String.join("\n  ", errors.stream().map(Error::toString).toList()) + "\nmessage: " + shown);
    }

    private Schema payload(String name) {
        if (message(name).path("payload").isMissingNode()) throw new IllegalStateException(name + " has no payload");
        return registry.getSchema(SchemaLocation.of(BASE + "#/components/messages/" + name + "/payload"));
    }

    private JsonNode message(String key) {
        JsonNode message = document.path("components").path("messages").path(key);
        if (message.isMissingNode()) throw new IllegalStateException(DOCUMENT + " has no message " + key);
        return message;
    }

    /**
     * The component message a {@code $ref} ends at ({@code #/channels/live/messages/x} and
     * {@code #/components/messages/x/payload} both name {@code x}), checked to be named by its key.
     */
    private String nameOf(JsonNode ref) {
        String[] parts = ref.path("$ref").asText().split("/");
        String key = parts[parts.length - 1].equals("payload") ? parts[parts.length - 2] : parts[parts.length - 1];
        String name = message(key).path("name").asText();
        if (!name.equals(key)) throw new IllegalStateException("message " + key + " is named '" + name + "'");
        return key;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not a JSON message: " + json, e);
        }
    }
}
