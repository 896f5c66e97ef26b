package com.nija.shared.exits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;

/** Exit plans as stored on orders and positions: compact JSON. */
final class PlanJson {
    private PlanJson() {}

    static String write(Object plan) {
        try {
            return Json.MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("exit plan not writable", e);
        }
    }

    /** Null for null or blank (an item without a plan, old items included). */
    static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) return null;
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored exit plan", e);
        }
    }
}
