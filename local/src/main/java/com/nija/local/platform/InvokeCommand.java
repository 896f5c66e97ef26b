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

    private InvokeCommand() {}

    /** @return the process exit code: 0 when the function answered (whatever its status), 2 on usage errors */
    public static int run(String function, Path eventFile, Path home) throws IOException {
        Route route = RouteTable.byFunction(function).or(() -> RouteTable.ROUTES.stream()
                .filter(r -> r.handler().getSimpleName().equals(function)).findFirst()).orElse(null);
        if (route == null) {
            System.err.println("unknown function '" + function + "'; known: " + RouteTable.ROUTES.stream()
                    .map(Route::function).collect(Collectors.joining(", ")));
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
