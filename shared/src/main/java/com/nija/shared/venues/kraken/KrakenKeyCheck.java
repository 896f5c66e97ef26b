package com.nija.shared.venues.kraken;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.VenueCredentials;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Kraken key may do. Kraken has no endpoint that lists a key's permissions, so each one NIJA cares about is
 * probed with a call that needs it and changes nothing (the permission each call needs is in its docs.kraken.com
 * reference page): Balance (Query Funds), OpenOrders and ClosedOrders (Query Open / Closed Orders & Trades: NIJA looks
 * an order up before placing it again), AddOrder with {@code validate=true} (Create & Modify Orders; validated only,
 * never sent to the matching engine) and WithdrawMethods (Query Funds and Withdraw Funds). {@code EGeneral:Permission
 * denied} means the key lacks that right. An invalid key or signature ends the check at once: each further call would
 * count towards Kraken's lockout.
 */
final class KrakenKeyCheck {

    private enum Outcome { GRANTED, DENIED }

    private final KrakenApi api;
    private final Clock clock;

    KrakenKeyCheck(KrakenApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    KeyCheck check(VenueCredentials key) {
        List<String> permissions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            need(probe(key, "Balance", KrakenForm.empty()), "query-funds", permissions, errors,
                    "the key cannot query funds (Kraken: Query Funds), which NIJA reads to reconcile balances");
            need(probe(key, "OpenOrders", KrakenForm.empty()), "query-open-orders", permissions, errors,
                    "the key cannot query open orders (Kraken: Query Open Orders & Trades), which NIJA needs to find "
                            + "an order before placing it again");
            need(probe(key, "ClosedOrders", KrakenForm.of("without_count", "true")), "query-closed-orders",
                    permissions, errors, "the key cannot query closed orders (Kraken: Query Closed Orders & Trades), "
                            + "which NIJA needs to find a filled order before placing it again");
            need(probe(key, "AddOrder", tradeProbe()), "trade", permissions, errors,
                    "the key cannot trade (Kraken: Create & Modify Orders)");
        } catch (BadKey e) {
            return KeyCheck.of(List.of(), List.of(e.getMessage()), List.of());
        } catch (BrokerException e) {
            return KeyCheck.of(permissions, List.of("Kraken did not complete the check: " + e.getMessage()), List.of());
        }
        try {
            if (probe(key, "WithdrawMethods", KrakenForm.of("asset", "XBT")) == Outcome.GRANTED) {
                permissions.add("withdraw");
                warnings.add("the key can withdraw funds (Kraken: Withdraw Funds); NIJA never withdraws, so a key "
                        + "without that right is safer");
            }
        } catch (BrokerException | BadKey e) {
            warnings.add("could not tell whether the key can withdraw: " + e.getMessage());
        }
        return KeyCheck.of(permissions, errors, warnings);
    }

    /** A well-formed limit buy far below any market, validated only. */
    private static KrakenForm tradeProbe() {
        return KrakenForm.of("pair", "XBTUSD").and("type", "buy").and("ordertype", "limit").and("volume", "1")
                .and("price", "1").and("validate", "true");
    }

    private Outcome probe(VenueCredentials key, String method, KrakenForm form) {
        KrakenAnswer answer = api.post(key, method, form);
        if (answer.failedWith(KrakenErrors::badKey)) throw new BadKey(KrakenErrors.toException(answer.errors(), clock));
        if (answer.failedWith(KrakenErrors::permissionDenied)) return Outcome.DENIED;
        // An order-level refusal (funds, minimum) comes after the permission gate: the key may trade.
        if (answer.failedWith(e -> e.startsWith("EOrder:"))) return Outcome.GRANTED;
        answer.result(clock);
        return Outcome.GRANTED;
    }

    private static void need(Outcome outcome, String permission, List<String> permissions, List<String> errors,
                             String missing) {
        if (outcome == Outcome.GRANTED) permissions.add(permission);
        else errors.add(missing);
    }

    private static final class BadKey extends RuntimeException {
        BadKey(BrokerException cause) {
            super(cause.getMessage(), null, false, false);
        }
    }
}
