package com.nija.shared.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item rewritten so it no longer names its trader: every string holding the trader id (the id itself, keys such as
 * {@code USER#<id>}, index keys, nested values) carries the pseudonym instead, and the personal attributes are gone.
 */
public final class PseudonymisedItem {
    private PseudonymisedItem() {}

    public static StoredItem of(StoredItem item, String userId, String pseudonym, Set<String> personal) {
        Map<String, AttributeValue> out = new HashMap<>();
        item.attributes().forEach((name, value) -> {
            if (!personal.contains(name)) out.put(name, rewrite(value, userId, pseudonym));
        });
        return new StoredItem(out);
    }

    private static AttributeValue rewrite(AttributeValue value, String userId, String pseudonym) {
        if (value.s() != null) return AttributeValue.fromS(value.s().replace(userId, pseudonym));
        if (value.hasSs()) return AttributeValue.fromSs(value.ss().stream().map(s -> s.replace(userId, pseudonym)).toList());
        if (value.hasL()) {
            List<AttributeValue> list = value.l().stream().map(v -> rewrite(v, userId, pseudonym)).toList();
            return AttributeValue.fromL(list);
        }
        if (value.hasM()) {
            Map<String, AttributeValue> map = new HashMap<>();
            value.m().forEach((k, v) -> map.put(k.replace(userId, pseudonym), rewrite(v, userId, pseudonym)));
            return AttributeValue.fromM(map);
        }
        return value;
    }
}
