package com.nija.shared.data;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A query's last evaluated key as text and back: what a listing writes into its (signed) cursor. */
public final class PageKeys {
    private PageKeys() {}

    /** A string-keyed table's exclusive start key from a stored last key (null for none). */
    public static Map<String, AttributeValue> startKey(Map<String, String> lastKey) {
        if (lastKey == null) return null;
        Map<String, AttributeValue> start = new HashMap<>();
        lastKey.forEach((k, v) -> start.put(k, AttributeValue.fromS(v)));
        return start;
    }

    /** A query page's last evaluated key as text (null when the partition is done). */
    public static Map<String, String> lastKey(Page<?> page) {
        if (page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty()) return null;
        Map<String, String> key = new LinkedHashMap<>();
        page.lastEvaluatedKey().forEach((k, v) -> key.put(k, v.s()));
        return key;
    }
}
