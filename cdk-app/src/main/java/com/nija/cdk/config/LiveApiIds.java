package com.nija.cdk.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Each region's WebSocket API id (context {@code liveApiIds}: the {@code LiveApiId} output of each region's stack),
 * so the functions that push may manage connections on exactly the other regions' live APIs — a trader connected in
 * one region is pushed to by the engine region. Context rather than a cross-stack reference: every region needs every
 * other's id, and CDK's cross-region references flow one way only (from a stack deployed earlier), while an SSM
 * parameter read across regions by a custom resource would fail on the first deploy, before the other regions exist.
 * A region's own entry is ignored (its stack grants its own API by reference), so one map serves every stack.
 *
 * <p>Given as a JSON object in cdk.json ({@code {"us-west-2": "a1b2c3d4e5"}}) or {@code region=id,…} with {@code -c}.
 */
public record LiveApiIds(Map<String, String> byRegion) {
    public static final String CONTEXT_KEY = "liveApiIds";
    /** API Gateway API ids: ten lower-case letters and digits. */
    private static final Pattern API_ID = Pattern.compile("[a-z0-9]{10}");

    public LiveApiIds {
        byRegion = Map.copyOf(byRegion);
    }

    public static LiveApiIds from(Function<String, Object> context, AppConfig app) {
        Object raw = context.apply(CONTEXT_KEY);
        List<String> entries = new ArrayList<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> entries.add(k + "=" + v));
        } else if (raw instanceof List<?> list) {
            list.forEach(v -> entries.add(String.valueOf(v)));
        } else if (raw != null) {
            for (String s : String.valueOf(raw).split(",")) if (!s.isBlank()) entries.add(s);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] kv = entry.trim().split("[=:]", 2);
            String region = kv[0].trim();
            String id = kv.length == 2 ? kv[1].trim() : "";
            if (app.regions().stream().noneMatch(r -> r.region().equals(region))) {
                throw new IllegalArgumentException(CONTEXT_KEY + ": '" + region + "' is not one of the regions "
                        + app.regions().stream().map(AppConfig.RegionSpec::region).toList());
            }
            if (!API_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(CONTEXT_KEY + ": '" + id + "' for " + region + " is not an API id "
                        + "(ten lower-case letters and digits: the LiveApiId output of that region's stack)");
            }
            if (ids.put(region, id) != null) throw new IllegalArgumentException(CONTEXT_KEY + ": " + region + " twice");
        }
        return new LiveApiIds(ids);
    }

    public Optional<String> of(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }
}
