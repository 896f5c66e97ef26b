package com.nija.shared.admin;

import java.util.List;

/**
 * What flattening a trader did: the close orders it placed (one per position that was open) and the positions
 * something else was closing already (a stop-loss, the trader, an earlier flatten still waiting on its venue).
 */
public record FlattenReport(String traderId, List<Closed> closed, List<String> alreadyClosing) {
    public record Closed(String positionId, String orderId, String status) {}
}
