package com.nija.shared.venues.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.order.OrderSide;
import com.nija.shared.venues.VenueAccount.OpenOrder;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code data} of OKX's answers (docs-v5: "GET / Order details", "Get instruments", "Get account
 * configuration", "Get balance", "GET / Order List"). OKX sends numbers as strings, {@code ""} when there is none;
 * they are read as {@link BigDecimal} from a bounded plain-decimal grammar. Whatever cannot be read is a
 * {@link BrokerException} ({@code UNKNOWN}: NIJA cannot tell what the venue holds), never another exception.
 */
final class OkxResponses {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,24}(\\.\\d{1,24})?");
    private static final Pattern MILLIS = Pattern.compile("\\d{1,15}");
    private static final Pattern INSTRUMENT = Pattern.compile("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Set<String> STATES = Set.of(OkxOrder.LIVE, OkxOrder.PARTIALLY_FILLED, OkxOrder.FILLED,
            OkxOrder.CANCELED, OkxOrder.MMP_CANCELED);

    private OkxResponses() {}

    /** One order of "GET / Order details" or "GET / Order List". */
    static OkxOrder order(JsonNode o) {
        if (!o.isObject()) throw unreadable("order");
        String instId = OkxAnswer.text(o.path("instId"));
        if (!INSTRUMENT.matcher(instId).matches()) throw unreadable("instId");
        String orderId = OkxAnswer.text(o.path("ordId"));
        if (orderId.isEmpty()) throw unreadable("ordId");
        String state = OkxAnswer.text(o.path("state"));
        if (!STATES.contains(state)) throw unreadable("state");
        String feeCurrency = OkxAnswer.text(o.path("feeCcy"));
        BigDecimal fee = optionalDecimal(o, "fee");
        if (fee != null && fee.signum() != 0 && !CURRENCY.matcher(feeCurrency).matches()) throw unreadable("feeCcy");
        Instant updated = optionalMillis(o, "uTime");
        if (updated == null) updated = optionalMillis(o, "cTime");
        if (updated == null) throw unreadable("uTime");
        BigDecimal filled = optionalDecimal(o, "accFillSz");
        if (filled != null && filled.signum() < 0) throw unreadable("accFillSz");
        return new OkxOrder(OkxAnswer.text(o.path("clOrdId")), orderId, instId, side(o), state, positive(o, "sz"),
                filled == null ? BigDecimal.ZERO : filled, optionalDecimal(o, "avgPx"), optionalDecimal(o, "px"), fee,
                feeCurrency, updated, optionalMillis(o, "fillTime"));
    }

    /** A spot instrument's rules from "Get instruments": minSz, lotSz, tickSz; OKX publishes no minimum notional. */
    static VenueRules rules(String instId, JsonNode data) {
        for (JsonNode i : data) {
            if (!instId.equals(OkxAnswer.text(i.path("instId")))) continue;
            return new VenueRules(instId, positive(i, "minSz"), positive(i, "lotSz"), positive(i, "tickSz"),
                    BigDecimal.ZERO);
        }
        throw new BrokerException(Kind.REJECTED, "OKX lists no spot instrument " + instId);
    }

    /** The key's permissions from "Get account configuration": {@code perm}, e.g. {@code read_only,withdraw,trade}. */
    static List<String> permissions(JsonNode data) {
        JsonNode perm = data.path(0).path("perm");
        if (!perm.isTextual()) throw unreadable("perm");
        return Arrays.stream(perm.textValue().split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Cash balance per currency from "Get balance" (OKX lists currencies with a balance only, by plain codes). */
    static Map<String, BigDecimal> balances(JsonNode data) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        for (JsonNode d : data.path(0).path("details")) {
            String currency = OkxAnswer.text(d.path("ccy"));
            if (!CURRENCY.matcher(currency).matches()) throw unreadable("ccy");
            BigDecimal cash = optionalDecimal(d, "cashBal");
            if (cash == null) cash = decimal(d, "availBal");
            balances.merge(currency.toUpperCase(Locale.ROOT), cash, BigDecimal::add);
        }
        return balances;
    }

    /** The orders of "GET / Order List" as open orders; a client order id is empty when the order was not NIJA's. */
    static List<OpenOrder> openOrders(JsonNode data) {
        List<OpenOrder> open = new ArrayList<>();
        for (JsonNode o : data) {
            OkxOrder order = order(o);
            open.add(new OpenOrder(order.clientOrderId(), order.orderId(), order.instId(), order.side(), order.size(),
                    order.filled(), order.limitPrice()));
        }
        return open;
    }

    static BrokerException unreadable(String what) {
        return new BrokerException(Kind.UNKNOWN, "OKX sent an answer NIJA cannot read: " + what);
    }

    private static OrderSide side(JsonNode o) {
        return switch (OkxAnswer.text(o.path("side"))) {
            case "buy" -> OrderSide.BUY;
            case "sell" -> OrderSide.SELL;
            default -> throw unreadable("side");
        };
    }

    private static BigDecimal positive(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value.signum() <= 0) throw unreadable(field);
        return value;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        BigDecimal value = optionalDecimal(node, field);
        if (value == null) throw unreadable(field);
        return value;
    }

    private static BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) return null;
        String text = value.isTextual() ? value.textValue() : value.isNumber() ? value.asText() : null;
        if (text == null || !DECIMAL.matcher(text).matches()) throw unreadable(field);
        return new BigDecimal(text);
    }

    private static Instant optionalMillis(JsonNode node, String field) {
        String text = OkxAnswer.text(node.path(field));
        if (text.isEmpty()) return null;
        if (!MILLIS.matcher(text).matches()) throw unreadable(field);
        return Instant.ofEpochMilli(Long.parseLong(text));
    }
}
