package com.nija.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalLambdaContextTest {

    @Test
    @DisplayName("the context names the function and request and counts the remaining time down to zero")
    void countsDown() {
        LocalLambdaContext context = new LocalLambdaContext("req-1", "get-positions", Duration.ofMillis(200));

        int first = context.getRemainingTimeInMillis();

        assertThat(context.getAwsRequestId()).isEqualTo("req-1");
        assertThat(context.getFunctionName()).isEqualTo("get-positions");
        assertThat(context.getInvokedFunctionArn()).endsWith(":function:get-positions");
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/get-positions");
        assertThat(first).isBetween(0, 200);
        await("the remaining time to fall").atMost(Duration.ofSeconds(10))
                .until(() -> context.getRemainingTimeInMillis() < first);
        await("the remaining time to reach zero").atMost(Duration.ofSeconds(10))
                .until(() -> context.getRemainingTimeInMillis() == 0);
    }

    @Test
    @DisplayName("one logger per function, usable at every Lambda log level")
    void logger() {
        LocalLambdaContext a = new LocalLambdaContext("r1", "fn", Duration.ofSeconds(1));
        LocalLambdaContext b = new LocalLambdaContext("r2", "fn", Duration.ofSeconds(1));

        assertThat(a.getLogger()).isSameAs(b.getLogger());
        for (LogLevel level : LogLevel.values()) {
            a.getLogger().log("level " + level, level);
        }
        a.getLogger().log("bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
