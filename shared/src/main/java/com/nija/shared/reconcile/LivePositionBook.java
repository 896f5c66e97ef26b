package com.nija.shared.reconcile;

import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.trading.PositionStatus;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A trader's open live positions: one query on their partition, reading only the attributes reconciliation needs.
 * A position opened at a live venue carries the venue's name in {@value #VENUE} (the engine writes it when the fill
 * is booked); a paper position has none, so it never counts here.
 */
@Singleton
public class LivePositionBook {
    /** The position attribute naming the live venue it was opened at ({@code coinbase}, …); absent on paper. */
    public static final String VENUE = "venue";

    private final TradingTables tables;

    public LivePositionBook(TradingTables tables) {
        this.tables = tables;
    }

    public List<LiveHolding> openLive(String userId) {
        List<LiveHolding> out = new ArrayList<>();
        QueryRequest request = QueryRequest.builder().tableName(tables.name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :pos)")
                .filterExpression("#status = :open AND attribute_exists(#venue)")
                .projectionExpression("positionId, #venue, symbol, side, quantity")
                .expressionAttributeNames(Map.of("#status", "status", "#venue", VENUE))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(userId)),
                        ":pos", AttributeValue.fromS(Keys.POSITION_PREFIX),
                        ":open", AttributeValue.fromS(PositionStatus.OPEN.name())))
                .consistentRead(true)
                .build();
        for (QueryResponse page : tables.client().queryPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                out.add(new LiveHolding(text(item, "positionId"), text(item, VENUE), text(item, "symbol"),
                        text(item, "side"), item.containsKey("quantity") ? new BigDecimal(item.get("quantity").n()) : null));
            }
        }
        return out;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
