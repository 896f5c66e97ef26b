package com.nija.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.trading.GetPositionsHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaContextFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InvocationContextFactoryTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final GetPositionsHandler handler = new GetPositionsHandler(context);

    @Test
    @DisplayName("the replacement is the LambdaContextFactory handlers use")
    void replacesTheDefault() {
        assertThat(context.getBean(LambdaContextFactory.class)).isInstanceOf(InvocationContextFactory.class);
    }

    @Test
    @DisplayName("invoking a handler with a Lambda context adds no bean definitions, however many calls")
    void noBeanDefinitionPerInvocation() {
        TraderFixture trader = TraderFixture.newTrader().price("BTC-USD", "100");
        handler.handleRequest(Events.http("api/get-positions.json", trader.userId()), new TestContext("warm-up"));
        int before = context.getAllBeanDefinitions().size();

        for (int i = 0; i < 50; i++) {
            var response = handler.handleRequest(Events.http("api/get-positions.json", trader.userId()),
                    new TestContext("req-" + i));
            assertThat(response.getStatusCode()).isEqualTo(200);
        }

        assertThat(context.getAllBeanDefinitions()).hasSize(before);
    }

    /** A fresh Context per invocation, as the Lambda runtime passes one. */
    private record TestContext(String getAwsRequestId) implements Context {
        @Override public String getLogGroupName() { return "/aws/lambda/test"; }
        @Override public String getLogStreamName() { return "test"; }
        @Override public String getFunctionName() { return "test"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:test"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) {}
                @Override public void log(byte[] message) {}
            };
        }
    }
}
