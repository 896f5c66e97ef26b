package com.nija.local.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Minimal DynamoDB JSON-protocol calls over java.net.http, so these tests need no AWS SDK. */
final class DynamoHttp {

    /** dynalite checks that a SigV4-shaped header and a date are present but never verifies the signature. */
    static final String FAKE_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private DynamoHttp() {
    }

    static HttpResponse<String> call(URI endpoint, String operation, String json) throws IOException,
            InterruptedException {
        return send(endpoint, operation, json, true);
    }

    static HttpResponse<String> callUnsigned(URI endpoint, String operation, String json) throws IOException,
            InterruptedException {
        return send(endpoint, operation, json, false);
    }

    private static HttpResponse<String> send(URI endpoint, String operation, String json, boolean signed)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (signed) {
            request.header("Authorization", FAKE_AUTHORIZATION).header("X-Amz-Date", "20260101T000000Z");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
