package com.nija.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.nija.shared.signals.SignalAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Loads the sample events under {@code events/} the way the Lambda runtime deserializes them. */
public final class Events {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> HTTP =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, Events.class.getClassLoader());
    private static final PojoSerializer<ScheduledEvent> SCHEDULED =
            LambdaEventSerializers.serializerFor(ScheduledEvent.class, Events.class.getClassLoader());
    private static final PojoSerializer<com.amazonaws.services.lambda.runtime.events.SNSEvent> SNS =
            LambdaEventSerializers.serializerFor(com.amazonaws.services.lambda.runtime.events.SNSEvent.class,
                    Events.class.getClassLoader());

    private static final PojoSerializer<CognitoUserPoolPostConfirmationEvent> COGNITO_POST_CONFIRMATION =
            LambdaEventSerializers.serializerFor(CognitoUserPoolPostConfirmationEvent.class,
                    Events.class.getClassLoader());

    private Events() {}

    /** A Cognito post-confirmation trigger event from {@code events/<path>}, as the Lambda runtime reads it. */
    public static CognitoUserPoolPostConfirmationEvent postConfirmation(String path) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + path)) {
            if (in == null) throw new IllegalArgumentException("no event file events/" + path);
            return COGNITO_POST_CONFIRMATION.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP API event from {@code events/<path>}, as trader {@code userId}. */
    public static APIGatewayV2HTTPEvent http(String path, String userId) {
        APIGatewayV2HTTPEvent event = http(path);
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.put("sub", userId);
        jwt.setClaims(claims);
        return event;
    }

    public static APIGatewayV2HTTPEvent http(String path) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + path)) {
            if (in == null) throw new IllegalArgumentException("no event file events/" + path);
            return HTTP.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An EventBridge scheduled event from {@code events/<path>}, as the Lambda runtime reads it. */
    public static ScheduledEvent scheduled(String path) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + path)) {
            if (in == null) throw new IllegalArgumentException("no event file events/" + path);
            return SCHEDULED.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SNS notification event from {@code events/<path>}, as the Lambda runtime reads it. */
    public static com.amazonaws.services.lambda.runtime.events.SNSEvent sns(String path) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + path)) {
            if (in == null) throw new IllegalArgumentException("no event file events/" + path);
            return SNS.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the query string (parameters and raw form) as API Gateway would have parsed it. */
    public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, Map<String, String> query) {
        Map<String, String> params = new LinkedHashMap<>(query);
        event.setQueryStringParameters(params.isEmpty() ? null : params);
        event.setRawQueryString(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
        return event;
    }

    /** Sets a header (lower-cased, as HTTP API delivers them), or removes it when {@code value} is null. */
    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = event.getHeaders() == null ? new HashMap<>() : new HashMap<>(event.getHeaders());
        if (value == null) headers.remove(name.toLowerCase());
        else headers.put(name.toLowerCase(), value);
        event.setHeaders(headers);
        return event;
    }

    public static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    /** {@code event} with {@code body}, signed by {@code source} at {@code at} the way a programmatic sender signs. */
    public static APIGatewayV2HTTPEvent signed(APIGatewayV2HTTPEvent event, String source, String secret, String body,
                                               Instant at) {
        withBody(event, body);
        withHeader(event, "X-Nija-Source", source);
        return withHeader(event, "X-Nija-Signature", SignalAuthenticator.sign(secret, body, at));
    }
}
