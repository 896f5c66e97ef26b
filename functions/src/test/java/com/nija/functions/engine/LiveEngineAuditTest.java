package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.LiveTrading;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.LogCapture;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every live order leaves an audit record — trader, venue, client order id, venue order id, request id, outcome — on
 * the order item and as one structured log line per step it takes at the venue; and no log line or stored item (but the
 * sealed key itself) ever holds a secret of the trader's key, whatever went wrong.
 */
class LiveEngineAuditTest {
    private static final String AUDIT_LOGGER = "com.nija.shared.engine.LiveOrderAudit";

    private LiveTrading live;
    private TradingEngine engine;
    private TraderFixture trader;

    @BeforeEach
    void liveAtBinance() {
        live = LiveTrading.start();
        engine = live.engine();
        trader = live.trader();
        live.goLive(trader, Venue.BINANCE);
    }

    private OrderRequest buy() {
        return TestSignals.buy(live.symbol()).usd("300").forTrader(trader.userId());
    }

    @Test
    @DisplayName("a live order's audit record is on the order and in one structured line per step: no answer, then filled")
    void auditRecordOnTheOrderAndInTheLog() {
        live.exchange(Venue.BINANCE).next(new ScriptedExchange.TimesOut(true));
        OrderRequest request = buy();
        String clientOrderId = ClientOrderIds.forVenue(Venue.BINANCE, request.orderId());

        List<Map<String, String>> lines;
        OrderItem order;
        try (LogCapture audit = LogCapture.named(AUDIT_LOGGER)) {
            engine.execute(request, false, false);
            live.clock().advance(Duration.ofSeconds(61));
            order = engine.execute(request, true, false).order();
            lines = audit.contexts(Level.INFO);
        }

        assertThat(order.userId()).isEqualTo(trader.userId());
        assertThat(order.venue()).isEqualTo("binance");
        assertThat(order.clientOrderId()).isEqualTo(clientOrderId);
        assertThat(order.venueOrderId()).isEqualTo("binance-1");
        assertThat(order.signalId()).isEqualTo(request.requestId());
        assertThat(order.status().name()).isEqualTo("FILLED");
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(l -> l.get("audit_outcome")).containsExactly("UNKNOWN", "FILLED");
        assertThat(lines).allSatisfy(l -> assertThat(l).containsEntry("audit_trader", trader.userId())
                .containsEntry("audit_venue", "binance")
                .containsEntry("audit_client_order_id", clientOrderId)
                .containsEntry("audit_request_id", request.requestId())
                .containsEntry("audit_order_id", request.orderId()));
        assertThat(lines.get(0)).doesNotContainKey("audit_venue_order_id");
        assertThat(lines.get(1)).containsEntry("audit_venue_order_id", "binance-1");
    }

    @Test
    @DisplayName("a rejected live order is audited with its outcome and the venue's reason")
    void rejectedAudited() {
        live.exchange(Venue.BINANCE).next(new ScriptedExchange.Rejects("-2010 Account has insufficient balance"));

        List<String> messages;
        try (LogCapture audit = LogCapture.named(AUDIT_LOGGER)) {
            engine.execute(buy(), false, false);
            messages = audit.messages(Level.INFO);
        }

        assertThat(messages).singleElement().asString()
                .contains("trader=" + trader.userId(), "venue=binance", "outcome=FAILED",
                        "reason=broker: -2010 Account has insufficient balance");
    }

    @Test
    @DisplayName("whatever goes wrong at the venue, no log line and no stored item but the sealed key holds a secret of the key")
    void noSecretAnywhere() {
        live.exchange(Venue.BINANCE).next(new ScriptedExchange.RateLimits(Duration.ofSeconds(1)),
                new ScriptedExchange.TimesOut(false), new ScriptedExchange.Rejects("-1013 Filter failure: LOT_SIZE"));
        List<String> logged;
        try (LogCapture everything = LogCapture.everything()) {
            OrderRequest first = buy();
            engine.execute(first, false, false);
            live.clock().advance(Duration.ofSeconds(61));
            engine.execute(first, true, false);
            live.clock().advance(Duration.ofSeconds(61));
            engine.execute(first, true, false);
            live.clock().advance(Duration.ofSeconds(61));
            engine.execute(buy(), false, false);
            engine.execute(TestSignals.exit(live.symbol()).forTrader(trader.userId()), false, false);
            logged = everything.fullText();
        }
        List<String> stored = storedTextOutsideTheSealedKeys();

        assertThat(live.keysOpened()).as("keys were used").isPositive();
        assertThat(logged).isNotEmpty();
        for (String secret : live.secrets()) {
            assertThat(logged).noneMatch(line -> line.contains(secret));
            assertThat(stored).noneMatch(value -> value.contains(secret));
        }
    }

    /** Every attribute of every item under the trader's partition, except the sealed keys of their broker links. */
    private List<String> storedTextOutsideTheSealedKeys() {
        TradingTables tables = LocalBackends.get().context().getBean(TradingTables.class);
        return tables.client().query(q -> q.tableName(tables.name()).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(trader.userId()))))
                        .consistentRead(true))
                .items().stream()
                .filter(item -> !item.get("sk").s().startsWith(Keys.BROKER_PREFIX))
                .map(Map::toString).toList();
    }
}
