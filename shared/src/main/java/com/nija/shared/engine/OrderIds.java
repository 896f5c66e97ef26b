package com.nija.shared.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Order ids derived from (signal, trader): a duplicate message or a retry can only ever name the same order. */
public final class OrderIds {
    private OrderIds() {}

    /**
     * The one id every close of a position uses, whatever asked for it (exit signal, stop, target, the trader):
     * the order's conditional write is then also the close claim — a second close collides on it, and a broker
     * that deduplicates on client order ids sees the same order twice, never two orders.
     */
    public static String close(String positionId, String userId) {
        return of("close#" + positionId, userId);
    }

    /**
     * The close id of {@code position} now: the plain {@link #close(String, String)} until a partial fill reduced it,
     * then one per close round, so closing what remains is a new order and not the partial one again.
     */
    public static String close(com.nija.shared.data.PositionItem position) {
        Integer round = position.closeRound();
        return round == null || round == 0 ? close(position.positionId(), position.userId())
                : of("close#" + position.positionId() + "#" + round, position.userId());
    }

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
