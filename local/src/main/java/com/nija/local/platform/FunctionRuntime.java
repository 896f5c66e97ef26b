package com.nija.local.platform;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.routes.Route;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.data.TableProvisioner;
import com.nija.shared.data.Tables;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The functions' runtime on one machine: one Micronaut context configured the way the CDK app configures
 * each Lambda (endpoints, table names, secrets), shared by every handler, with the tables created from the
 * same definitions the CDK app uses.
 */
public final class FunctionRuntime implements AutoCloseable {
    private final ApplicationContext context;

    public FunctionRuntime(String dynamodbEndpoint, String redisUrl, String cursorSecret) {
        context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("local")
                .properties(Map.of(
                        "nija.dynamodb-endpoint", dynamodbEndpoint,
                        "nija.redis-url", redisUrl == null ? "" : redisUrl,
                        "nija.cursor-secret", cursorSecret))
                .start();
    }

    public ApplicationContext context() {
        return context;
    }

    /** Creates every table (and its indexes) that does not exist yet. */
    public void provisionTables() {
        TableProvisioner provisioner = new TableProvisioner(context.getBean(DynamoDbClient.class));
        provisioner.ensure(Tables.TRADING, context.getBean(NijaConfig.class).getTradingTable());
    }

    /** A route's handler, built the way Lambda would build it, but on the shared context. */
    @SuppressWarnings("unchecked")
    public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(Route route) {
        try {
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                    route.handler().getConstructor(ApplicationContext.class).newInstance(context);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(route.handler().getName() + " needs a public (ApplicationContext) constructor", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
