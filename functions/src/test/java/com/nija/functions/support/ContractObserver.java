package com.nija.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ExchangeObserver;
import com.nija.shared.testing.ApiContract;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Holds every answer a handler gives in a test to the API contract: a bean of every test context, so each handler
 * test checks its own exchanges without saying so, and a response that breaks its schema fails that test.
 */
@Singleton
public class ContractObserver implements ExchangeObserver {
    @Override
    public void observe(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        String path = request.getRawPath() != null ? request.getRawPath()
                : request.getRequestContext().getHttp().getPath();
        String body = request.getBody();
        if (body != null && request.getIsBase64Encoded()) body = decoded(body);
        ApiContract.openApi().check(new ApiContract.Exchange(request.getRequestContext().getHttp().getMethod(), path,
                orEmpty(request.getQueryStringParameters()), orEmpty(request.getHeaders()), body,
                response.getStatusCode(), orEmpty(response.getHeaders()), response.getBody()));
    }

    /** The body as the route read it; one that is not base64 was refused, and is checked as sent. */
    private static String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return base64;
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
