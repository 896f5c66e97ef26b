package com.nija.local.platform;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.nija.functions.routes.RouteTable;
import com.nija.local.auth.LocalSigningKey;
import com.nija.local.gateway.LocalLambdaContext;
import com.nija.shared.json.Json;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code invoke FUNCTION EVENT_FILE}: runs one function with one event, as {@code sam local invoke -e} does, and
 * prints the response JSON — any function of the route table (HTTP routes, queue workers, scheduled functions,
 * WebSocket routes and the {@code $connect} authorizer), named by its function name or handler class. The event file
 * is read as the Lambda runtime reads it, into the handler's own input type. A function that throws prints Lambda's error shape
 * ({@code errorMessage}, {@code errorType}) and exits 1. Uses the services {@code NIJA_DYNAMODB_ENDPOINT}/
 * {@code NIJA_REDIS_URL}/{@code NIJA_SQS_ENDPOINT} name, else starts its own (empty) ones for the run.
 */
public final class InvokeCommand {
    /** One function: its name and handler class. */
    record Target(String function, Class<?> handler) {}

    private InvokeCommand() {}

    /** The local issuer's key and the envelope key file, both from {@code home}. */
    private static Map<String, Object> invokeOverrides(Path home) {
        Map<String, Object> overrides = new HashMap<>(LocalPlatform.authOverrides(LocalSigningKey.loadOrCreate(home)));
        overrides.putAll(LocalPlatform.envelopeOverrides(home));
        return overrides;
    }

    /** @return the process exit code: 0 when the function answered, 1 when it threw, 2 on usage errors */
    public static int run(String function, Path eventFile, Path home) throws IOException {
        Optional<Target> target = find(function);
        if (target.isEmpty()) {
            System.err.println("unknown function '" + function + "'; known: "
                    + String.join(", ", all().stream().map(Target::function).toList()));
            return 2;
        }
        if (!Files.isReadable(eventFile)) {
            System.err.println("cannot read event file " + eventFile);
            return 2;
        }
        try (Backends backends = Backends.start(null);
             FunctionRuntime runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(),
                     backends.sqsEndpoint(), LocalSecrets.cursorSecret(home),
                     invokeOverrides(home))) {
            runtime.provisionTables();
            Result result = invoke(runtime, target.get(), eventFile);
            System.out.println(result.json());
            return result.failed() ? 1 : 0;
        }
    }

    /** What the function answered (or the error it threw), as JSON. */
    record Result(String json, boolean failed) {}

    static Result invoke(FunctionRuntime runtime, Target target, Path eventFile) throws IOException {
        RequestHandler<Object, Object> handler = runtime.handler(target.handler());
        Object event;
        try (InputStream in = Files.newInputStream(eventFile)) {
            event = serializer(inputType(target.handler())).fromJson(in);
        }
        Object response;
        try {
            response = handler.handleRequest(event, new LocalLambdaContext("invoke", target.function(),
                    Duration.ofSeconds(60)));
        } catch (RuntimeException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("errorMessage", e.getMessage());
            error.put("errorType", e.getClass().getName());
            return new Result(Json.MAPPER.writeValueAsString(error), true);
        }
        if (response == null) return new Result("null", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(response.getClass()).toJson(response, out);
        return new Result(out.toString(StandardCharsets.UTF_8), false);
    }

    static Optional<Target> find(String name) {
        return all().stream().filter(t -> t.function().equals(name) || t.handler().getSimpleName().equals(name)
                || t.handler().getName().equals(name)).findFirst();
    }

    static List<Target> all() {
        return Stream.of(
                RouteTable.ROUTES.stream().map(r -> new Target(r.function(), r.handler())),
                RouteTable.WORKERS.stream().map(w -> new Target(w.function(), w.handler())),
                RouteTable.SCHEDULES.stream().map(t -> new Target(t.function(), t.handler())),
                RouteTable.WS_ROUTES.stream().map(r -> new Target(r.function(), r.handler())),
                Stream.of(new Target(RouteTable.WS_AUTHORIZER.function(), RouteTable.WS_AUTHORIZER.handler())))
                .flatMap(s -> s).distinct().toList();
    }

    /** The event type a handler takes: the first type argument of its {@code MicronautRequestHandler} superclass. */
    static Class<?> inputType(Class<?> handler) {
        for (Class<?> c = handler; c != null && c != Object.class; c = c.getSuperclass()) {
            Type parent = c.getGenericSuperclass();
            if (parent instanceof ParameterizedType p && p.getRawType() == MicronautRequestHandler.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> input) {
                return input;
            }
        }
        throw new IllegalArgumentException(handler.getName() + " is not a MicronautRequestHandler with a concrete event");
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, InvokeCommand.class.getClassLoader());
    }
}
