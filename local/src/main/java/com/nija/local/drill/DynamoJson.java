package com.nija.local.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB item as one line of DynamoDB JSON ({@code {"pk":{"S":"USER#1"},"qty":{"N":"0.5"}}}), the format
 * {@code aws dynamodb scan} prints and DynamoDB's S3 export writes, so a drill's export file reads like a real one.
 * Numbers stay strings: an item restored from the file is the item exported, digit for digit.
 */
public final class DynamoJson {
    private DynamoJson() {}

    public static String write(Map<String, AttributeValue> item) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        item.forEach((name, value) -> line.set(name, node(value)));
        return line.toString();
    }

    /** @throws IllegalArgumentException when the line is not an item in DynamoDB JSON */
    public static Map<String, AttributeValue> read(String line) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("an item is a JSON object");
        return item(root);
    }

    private static Map<String, AttributeValue> item(JsonNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            item.put(field.getKey(), value(field.getValue()));
        }
        return item;
    }

    private static ObjectNode node(AttributeValue v) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        switch (v.type()) {
            case S -> n.put("S", v.s());
            case N -> n.put("N", v.n());
            case BOOL -> n.put("BOOL", v.bool());
            case NUL -> n.put("NULL", true);
            case B -> n.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case SS -> strings(n.putArray("SS"), v.ss());
            case NS -> strings(n.putArray("NS"), v.ns());
            case BS -> v.bs().forEach(b -> n.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
            case L -> {
                ArrayNode list = n.putArray("L");
                v.l().forEach(e -> list.add(node(e)));
            }
            case M -> {
                ObjectNode map = n.putObject("M");
                v.m().forEach((k, e) -> map.set(k, node(e)));
            }
            default -> throw new IllegalArgumentException("attribute of unknown type " + v.type());
        }
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static AttributeValue value(JsonNode n) {
        if (!n.isObject() || n.size() != 1) {
            throw new IllegalArgumentException("an attribute is an object with one type key, e.g. {\"S\":\"…\"}");
        }
        Map.Entry<String, JsonNode> typed = n.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(text(v));
            case "N" -> AttributeValue.fromN(number(text(v)));
            case "BOOL" -> {
                if (!v.isBoolean()) throw new IllegalArgumentException("BOOL must be true or false");
                yield AttributeValue.fromBool(v.booleanValue());
            }
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(bytes(text(v)));
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v).stream().map(DynamoJson::number).toList());
            case "BS" -> AttributeValue.fromBs(texts(v).stream().map(DynamoJson::bytes).toList());
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                array(v).forEach(e -> list.add(value(e)));
                yield AttributeValue.fromL(list);
            }
            case "M" -> {
                if (!v.isObject()) throw new IllegalArgumentException("M must be an object");
                yield AttributeValue.fromM(item(v));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + typed.getKey());
        };
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) throw new IllegalArgumentException("expected a string");
        return v.textValue();
    }

    private static String number(String n) {
        try {
            new java.math.BigDecimal(n);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("N must be a decimal number");
        }
    }

    private static SdkBytes bytes(String base64) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("B must be base64");
        }
    }

    private static ArrayNode array(JsonNode v) {
        if (!v.isArray()) throw new IllegalArgumentException("expected an array");
        return (ArrayNode) v;
    }

    private static List<String> texts(JsonNode v) {
        List<String> out = new ArrayList<>();
        array(v).forEach(e -> out.add(text(e)));
        return out;
    }
}
