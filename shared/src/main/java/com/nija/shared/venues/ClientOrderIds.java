package com.nija.shared.venues;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * NIJA's order id ({@code o-} + 24 hex digits, see {@code OrderIds}) in each venue's client order id format. The
 * mapping is a pure function of the order id, so every retry, lookup and cancel names the same venue order.
 * <ul>
 *   <li>OKX {@code clOrdId}: up to 32 letters and digits — the id without its hyphen;</li>
 *   <li>Binance {@code newClientOrderId} {@code ^[.A-Z:/a-z0-9_-]{1,36}$}, Coinbase and Alpaca
 *       {@code client_order_id}: the id as it is;</li>
 *   <li>Kraken {@code cl_ord_id}: a UUID, name-based (version 3) on the id.</li>
 * </ul>
 */
public final class ClientOrderIds {
    private static final Pattern ORDER_ID = Pattern.compile("o-[0-9a-f]{24}");

    private ClientOrderIds() {}

    public static String forVenue(Venue venue, String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) throw new IllegalArgumentException("not a NIJA order id: " + orderId);
        return switch (venue) {
            case OKX -> orderId.replace("-", "");
            case KRAKEN -> UUID.nameUUIDFromBytes(("nija:" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
            case COINBASE, BINANCE, ALPACA -> orderId;
        };
    }
}
