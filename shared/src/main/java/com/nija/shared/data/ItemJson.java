package com.nija.shared.data;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes a stored item as one JSON object: numbers as strings so no digit is lost, sets and lists as arrays. */
public final class ItemJson {
    private ItemJson() {}

    public static void write(JsonGenerator json, StoredItem item, Set<String> hidden) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : new TreeMap<>(item.attributes()).entrySet()) {
            if (hidden.contains(e.getKey())) continue;
            json.writeFieldName(e.getKey());
            value(json, e.getValue());
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, AttributeValue v) throws IOException {
        if (v.s() != null) json.writeString(v.s());
        else if (v.n() != null) json.writeString(v.n());
        else if (v.bool() != null) json.writeBoolean(v.bool());
        else if (v.b() != null) json.writeBinary(v.b().asByteArray());
        else if (v.hasSs()) strings(json, v.ss());
        else if (v.hasNs()) strings(json, v.ns());
        else if (v.hasL()) {
            json.writeStartArray();
            for (AttributeValue element : v.l()) value(json, element);
            json.writeEndArray();
        } else if (v.hasM()) {
            json.writeStartObject();
            for (Map.Entry<String, AttributeValue> e : new TreeMap<>(v.m()).entrySet()) {
                json.writeFieldName(e.getKey());
                value(json, e.getValue());
            }
            json.writeEndObject();
        } else json.writeNull();
    }

    private static void strings(JsonGenerator json, java.util.List<String> values) throws IOException {
        json.writeStartArray();
        for (String s : values) json.writeString(s);
        json.writeEndArray();
    }
}
