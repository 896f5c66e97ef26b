package com.nija.shared.brokers;

import java.time.Instant;
import java.util.List;

/**
 * A trader's connection to a venue as the API shows it: never a secret, only the last 4 characters of the key's id.
 *
 * @param status      {@code untested} (connected, never tested), {@code verified} (the last test passed) or
 *                    {@code failed}
 * @param sandbox     the key is a sandbox key (OKX demo, Binance testnet, Alpaca paper)
 * @param permissions what the last test found the key may do, as the venue names it
 * @param problems    what the last test found wrong ({@code error: …} blocks live trading, {@code warning: …} not)
 * @param live        new orders go to this venue (the trader is in live mode on it)
 */
public record ConnectionView(String venue, String status, String keyHint, boolean sandbox, Instant connectedAt,
                             Instant lastTestAt, Boolean lastTestOk, List<String> permissions, List<String> problems,
                             boolean live) {

    static ConnectionView of(BrokerLinkItem link, TradingModeItem mode) {
        String status = link.lastTestOk() == null ? "untested" : link.verified() ? "verified" : "failed";
        return new ConnectionView(link.venue(), status, link.keyHint(), Boolean.TRUE.equals(link.sandbox()),
                link.connectedAt(), link.lastTestAt(), link.lastTestOk(), link.lastTestPermissions(),
                link.lastTestProblems(), mode.liveOn(link.venue()));
    }
}
