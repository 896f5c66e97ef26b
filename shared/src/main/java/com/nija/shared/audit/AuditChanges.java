package com.nija.shared.audit;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change did, from summaries taken before and after it: only the keys whose values differ, each side holding
 * its value (a key absent on one side was added or removed). Values are cut at {@link #MAX_VALUE_CHARS}, so a record
 * stays small whatever it summarizes.
 */
public record AuditChanges(Map<String, String> before, Map<String, String> after) {
    static final int MAX_VALUE_CHARS = 300;

    public static AuditChanges between(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Map<String, String> was = new LinkedHashMap<>();
        Map<String, String> now = new LinkedHashMap<>();
        for (String key : new TreeSet<>(keys)) {
            String b = bounded(before.get(key));
            String a = bounded(after.get(key));
            if (Objects.equals(a, b)) continue;
            if (b != null) was.put(key, b);
            if (a != null) now.put(key, a);
        }
        return new AuditChanges(was, now);
    }

    static String bounded(String value) {
        return value == null || value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
