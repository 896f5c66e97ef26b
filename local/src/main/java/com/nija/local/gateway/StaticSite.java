package com.nija.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;

/**
 * What answers a request that no API route matches: the dashboard's files, as CloudFront serves them from S3 in
 * AWS. Returns null to leave the gateway's 404 problem in place.
 */
public interface StaticSite {
    /**
     * @param method  the HTTP method
     * @param rawPath the path, undecoded, without the query
     * @param header  a request header by (case-insensitive) name, or null
     * @param body    the request body as UTF-8
     */
    APIGatewayV2HTTPResponse serve(String method, String rawPath, Function<String, String> header, String body);

    /** The same, knowing the caller's address (the gateway passes it; a site that records who called reads it). */
    default APIGatewayV2HTTPResponse serve(String method, String rawPath, Function<String, String> header, String body,
                                           String sourceIp) {
        return serve(method, rawPath, header, body);
    }
}
