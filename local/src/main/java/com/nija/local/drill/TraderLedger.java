package com.nija.local.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import com.nija.shared.trading.TradeView;
import com.nija.shared.data.PositionItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a trader sees of their money: cash (as the dashboard derives it), every position (open and closed) by id and
 * every trade by id. {@link #differences} names each field that differs; amounts are compared by value, so 10.5 and
 * 10.50 agree and 10.50 and 10.51 do not.
 */
record TraderLedger(String userId, BigDecimal cash, Map<String, PositionItem> positions, Map<String, TradeView> trades) {

    /** Empty when {@code restored} reconciles with this snapshot; else one line per differing field. */
    List<String> differences(TraderLedger restored) {
        List<String> out = new ArrayList<>();
        if (cash.compareTo(restored.cash) != 0) {
            out.add("trader " + userId + ": cash " + cash.toPlainString() + " before, " + restored.cash.toPlainString() + " after");
        }
        compare("position", positions, restored.positions, out);
        compare("trade", trades, restored.trades, out);
        return out;
    }

    private <T> void compare(String kind, Map<String, T> before, Map<String, T> after, List<String> out) {
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            String where = "trader " + userId + ": " + kind + " " + id;
            if (!after.containsKey(id)) out.add(where + " missing after restore");
            else if (!before.containsKey(id)) out.add(where + " appeared after restore");
            else fields(where, Json.MAPPER.valueToTree(before.get(id)), Json.MAPPER.valueToTree(after.get(id)), out);
        }
    }

    private static void fields(String where, JsonNode before, JsonNode after, List<String> out) {
        TreeSet<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode b = before.path(name);
            JsonNode a = after.path(name);
            if (!same(b, a)) out.add(where + " field " + name + ": " + b.asText() + " before, " + a.asText() + " after");
        }
    }

    private static boolean same(JsonNode b, JsonNode a) {
        BigDecimal before = amount(b);
        BigDecimal after = amount(a);
        if (before != null && after != null) return before.compareTo(after) == 0;
        return b.equals(a);
    }

    /** The shared JSON mapper writes amounts as strings ("100.00"), so an amount is any node that reads as a decimal. */
    private static BigDecimal amount(JsonNode n) {
        if (n.isNumber()) return n.decimalValue();
        if (!n.isTextual()) return null;
        try {
            return new BigDecimal(n.textValue());
        } catch (NumberFormatException notAnAmount) {
            return null;
        }
    }

    /** For the summary: how many positions and trades the ledger holds. */
    int rows() {
        return positions.size() + trades.size();
    }
}
