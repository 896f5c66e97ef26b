package com.nija.shared.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Order ids derived from (signal, trader): a duplicate message or a retry can only ever name the same order. */
public final class OrderIds {
    private OrderIds() {}

    public static String of(String signalId, String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((signalId + "\n" + userId).getBytes(StandardCharsets.UTF_8));
            return "o-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
