package com.nija.functions.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.functions.http.Problems;

/**
 * What fuzz targets through a handler assert of every answer, whatever the input: never a 5xx (outside input is a
 * client's fault or fine, never ours), and every refusal is problem+json.
 */
public final class ServerFaults {
    private ServerFaults() {}

    /** @return true when the request was accepted (2xx) */
    public static boolean assertNone(APIGatewayV2HTTPResponse response, String input) {
        assertThat(response.getStatusCode()).as("status for input %s", input).isLessThan(500);
        if (response.getStatusCode() >= 400) {
            assertThat(ApiResponses.header(response, "Content-Type")).as("refusal of input %s", input)
                    .isEqualTo(Problems.CONTENT_TYPE);
        }
        return response.getStatusCode() < 300;
    }

    /** A WebSocket route answers 200 with an {@code error} reply for a bad message; a 5xx is ours. */
    public static void assertNone(APIGatewayV2WebSocketResponse response, String input) {
        assertThat(response.getStatusCode()).as("status for frame %s", input).isLessThan(500);
    }
}
