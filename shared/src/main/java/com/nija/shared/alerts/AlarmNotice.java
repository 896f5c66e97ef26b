package com.nija.shared.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import java.util.Optional;

/**
 * A CloudWatch alarm's SNS notification: the message is a JSON object with {@code AlarmName},
 * {@code AlarmDescription}, {@code NewStateValue} (ALARM, OK, INSUFFICIENT_DATA) and {@code NewStateReason} (the
 * shape of aws-lambda-go's {@code cloudwatch-alarm-sns-payload-single-metric.json} test event, which is what
 * CloudWatch publishes). Our alarms' descriptions carry whom and the first check (cdk-app {@code Alerting}).
 */
public record AlarmNotice(String name, String description, String state, String reason) {
    /** Longest field kept: a chat message stays readable and bounded whatever the message held. */
    static final int MAX_FIELD = 1000;

    /** The notice in {@code message}; empty when it is not a CloudWatch alarm's (our own alerts, deployments). */
    public static Optional<AlarmNotice> parse(String message) {
        if (message == null || message.isEmpty() || message.charAt(0) != '{') return Optional.empty();
        return Json.readTree(message).filter(JsonNode::isObject).flatMap(json -> {
            String name = text(json, "AlarmName");
            String state = text(json, "NewStateValue");
            if (name == null || state == null) return Optional.empty();
            return Optional.of(new AlarmNotice(name, text(json, "AlarmDescription"), state,
                    text(json, "NewStateReason")));
        });
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual()) return null;
        String s = v.asText();
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) + "…" : s;
    }
}
