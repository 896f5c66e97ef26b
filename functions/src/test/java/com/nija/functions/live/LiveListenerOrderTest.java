package com.nija.functions.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.TradeEventBus;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.live.LiveSessions;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveListenerOrderTest {
    private final LiveContext live = LiveContext.get();

    @Test
    @DisplayName("the engine tells its other listeners about a fill before the live push for it goes out")
    void liveEventsRunLast() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "400");
        String conn = UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "=";
        live.bean(LiveSessions.class).open(trader.userId(), conn, null, List.of("orders"), null, null);
        List<Integer> pushesWhenHeard = new CopyOnWriteArrayList<>();
        TradeListener other = new TradeListener() {
            @Override
            public void filled(OrderItem order, PositionItem position, BigDecimal realizedPnl) {
                if (order.userId().equals(trader.userId())) pushesWhenHeard.add(live.recorder.postsTo(conn).size());
            }
        };
        TradeEventBus bus = live.bean(TradeEventBus.class);
        bus.subscribe(other);
        ExecutionResult result;
        try {
            result = live.bean(TradingEngine.class)
                    .execute(TestSignals.buy(symbol).usd("800").forTrader(trader.userId()), false, false);
        } finally {
            bus.unsubscribe(other);
        }

        assertThat(result.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(pushesWhenHeard).as("pushes the connection had when the other listener heard of the fill")
                .containsExactly(0);
        assertThat(live.recorder.postsTo(conn)).as("the push after it").hasSize(1);
    }
}
