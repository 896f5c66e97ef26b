package com.nija.local.platform;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.local.gateway.LocalLambdaContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * {@code invoke FUNCTION EVENT_FILE}: runs one function with one event, as {@code sam local invoke -e} does, and
 * prints the response JSON. Uses the services {@code NIJA_DYNAMODB_ENDPOINT}/{@code NIJA_REDIS_URL} name, else
 * starts its own (empty) ones for the run.
 */
public final class InvokeCommand {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, InvokeCommand.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, InvokeCommand.class.getClassLoader());

    private static final PojoSerializer<com.amazonaws.services.lambda.runtime.events.SQSEvent> SQS_EVENTS =
            LambdaEventSerializers.serializerFor(com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
                    InvokeCommand.class.getClassLoader());

    private InvokeCommand() {}

    /** A queue worker with an SQS event (events/sqs/*.json): prints its partial-batch response. */
    @SuppressWarnings("unchecked")
    private static int runWorker(com.nija.functions.routes.Worker worker, Path eventFile, Path home) throws IOException {
        com.amazonaws.services.lambda.runtime.events.SQSEvent event;
        try (InputStream in = Files.newInputStream(eventFile)) {
            event = SQS_EVENTS.fromJson(in);
        }
        try (Backends backends = Backends.start(null);
             FunctionRuntime runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(),
                     backends.sqsEndpoint(), LocalSecrets.cursorSecret(home), java.util.Map.of())) {
            runtime.provisionTables();
            RequestHandler<com.amazonaws.services.lambda.runtime.events.SQSEvent,
                    com.amazonaws.services.lambda.runtime.events.SQSBatchResponse> handler;
            try {
                handler = (RequestHandler<com.amazonaws.services.lambda.runtime.events.SQSEvent,
                        com.amazonaws.services.lambda.runtime.events.SQSBatchResponse>)
                        worker.handler().getConstructor(io.micronaut.context.ApplicationContext.class)
                                .newInstance(runtime.context());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            var response = handler.handleRequest(event, new LocalLambdaContext("invoke", worker.function(),
                    Duration.ofSeconds(60)));
            System.out.println(com.nija.shared.json.Json.MAPPER.writeValueAsString(response));
            return 0;
        }
    }

    /** @return the process exit code: 0 when the function answered (whatever its status), 2 on usage errors */
    public static int run(String function, Path eventFile, Path home) throws IOException {
        java.util.Optional<com.nija.functions.routes.Worker> worker = RouteTable.WORKERS.stream()
                .filter(w -> w.function().equals(function) || w.handler().getSimpleName().equals(function)).findFirst();
        if (worker.isPresent()) return runWorker(worker.get(), eventFile, home);
        Route route = RouteTable.byFunction(function).or(() -> RouteTable.ROUTES.stream()
                .filter(r -> r.handler().getSimpleName().equals(function)).findFirst()).orElse(null);
        if (route == null) {
            System.err.println("unknown function '" + function + "'; known: " + java.util.stream.Stream.concat(
                    RouteTable.ROUTES.stream().map(Route::function),
                    RouteTable.WORKERS.stream().map(com.nija.functions.routes.Worker::function))
                    .collect(Collectors.joining(", ")));
            return 2;
        }
        if (!Files.isReadable(eventFile)) {
            System.err.println("cannot read event file " + eventFile);
            return 2;
        }
        APIGatewayV2HTTPEvent event;
        try (InputStream in = Files.newInputStream(eventFile)) {
            event = EVENTS.fromJson(in);
        }
        try (Backends backends = Backends.start(null);
             FunctionRuntime runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(),
                     backends.sqsEndpoint(), LocalSecrets.cursorSecret(home), java.util.Map.of())) {
            runtime.provisionTables();
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = runtime.handler(route);
            String requestId = event.getRequestContext() == null ? "invoke" : event.getRequestContext().getRequestId();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event,
                    new LocalLambdaContext(requestId, route.function(), Duration.ofSeconds(29)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RESPONSES.toJson(response, out);
            System.out.println(out.toString(StandardCharsets.UTF_8));
            return 0;
        }
    }
}
