package com.nija.shared.venues.binance;

import com.nija.shared.venues.KeyCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * What a key may do: from {@code GET /sapi/v1/account/apiRestrictions} in production (the key's own switches), or
 * from {@code GET /api/v3/account}'s {@code canTrade}/{@code canWithdraw} on the Spot Test Network, which has no
 * {@code /sapi} endpoints (testnet general-info, "Can I use the /sapi endpoints on the Spot Test Network?").
 */
record BinanceKeyPermissions(boolean read, boolean trade, boolean withdraw, boolean ipRestricted) {

    KeyCheck check() {
        List<String> permissions = new ArrayList<>();
        if (read) permissions.add("read");
        if (trade) permissions.add("trade");
        if (withdraw) permissions.add("withdraw");
        if (ipRestricted) permissions.add("ip-restricted");
        List<String> errors = trade ? List.of()
                : List.of("the key cannot trade spot: enable \"Spot & Margin Trading\" for it in Binance's API management");
        List<String> warnings = withdraw
                ? List.of("the key can withdraw funds, which NIJA never needs: turn \"Enable Withdrawals\" off")
                : List.of();
        return KeyCheck.of(permissions, errors, warnings);
    }
}
