package com.nija.functions.exits;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.support.Books;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.functions.support.WorkQueueProbe;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.market.PriceUpdate;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.prices.PriceIngestService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A position opened with an exit plan, driven by price batches through the ordinary price path and the order
 * executor: its rungs scale out once each however often a batch is delivered, its stop moves to breakeven and trails.
 */
class ScaleOutTest {
    private static final LocalBackends backends = LocalBackends.get();
    private final OrderExecutorHandler executor = new OrderExecutorHandler(backends.context());
    private final PriceIngestService prices = backends.context().getBean(PriceIngestService.class);

    /** Targets 101 / 102 / 104 closing 25 / 25 / 50 %, breakeven after the first, a 1.00 trail after the second. */
    static final ExitPlan LADDER = new ExitPlan(List.of(
            new ExitPlan.Rung(new BigDecimal("101"), null, new BigDecimal("0.25")),
            new ExitPlan.Rung(new BigDecimal("102"), null, new BigDecimal("0.25")),
            new ExitPlan.Rung(new BigDecimal("104"), null, new BigDecimal("0.5"))),
            1, new ExitPlan.Trailing(null, new BigDecimal("1.00"), 2));

    private record Opened(TraderFixture trader, String symbol, OrderItem open) {}

    private Opened open() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderRequest buy = TestSignals.buy(symbol).usd("1000").stopLossAt("95").exits(LADDER)
                .explanation("{\"why\":\"test\"}").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(buy), null);
        backends.queues().takeOrdersOf(trader.userId());
        return new Opened(trader, symbol, Books.of(trader.userId()).order(buy.orderId()).orElseThrow());
    }

    /** One batch of prices of {@code symbol}, then every order it queued for the trader, executed. */
    private List<Message> batch(Opened o, String... path) {
        List<PriceUpdate> updates = new ArrayList<>();
        for (String p : path) updates.add(new PriceUpdate(o.symbol(), new BigDecimal(p), PlatformClock.system().instant()));
        prices.ingest(updates);
        return backends.queues().takeOrdersOf(o.trader().userId());
    }

    private void execute(List<Message> queued) {
        if (!queued.isEmpty()) {
            assertThat(executor.handleRequest(WorkQueueProbe.event(queued), null).getBatchItemFailures()).isEmpty();
        }
    }

    private static List<OrderItem> closes(Books books) {
        return books.orders().stream().filter(x -> x.intent() == OrderIntent.CLOSE).toList();
    }

    @Test
    @DisplayName("the same price batch delivered twice, and its orders executed twice, scale out rung 1 once: one order, one reduction")
    void redeliveredBatchScalesOutOnce() {
        Opened o = open();
        BigDecimal opening = o.open().quantity();

        List<Message> first = batch(o, "100.5", "101.2");
        List<Message> again = batch(o, "100.5", "101.2");
        execute(first);
        execute(first);
        execute(again);

        Books books = Books.of(o.trader().userId());
        assertThat(closes(books)).singleElement().satisfies(c -> {
            assertThat(c.rung()).isEqualTo(1);
            assertThat(c.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(c.quantity()).isEqualByComparingTo(opening.multiply(new BigDecimal("0.25")));
        });
        assertThat(books.paperOrders()).as("at the broker: the open and one scale-out").hasSize(2);
        PositionItem position = books.position(o.open().positionId()).orElseThrow();
        assertThat(position.status()).isEqualTo("OPEN");
        assertThat(position.quantity()).isEqualByComparingTo(opening.multiply(new BigDecimal("0.75")));
        assertThat(position.rungsDone()).isEqualTo(1);
        assertThat(position.stopLoss()).as("breakeven: the entry fill price").isEqualByComparingTo(o.open().fillPrice());
    }

    @Test
    @DisplayName("two batches racing over the same rung queue the same order: the position is reduced once")
    void racingBatchesScaleOutOnce() throws Exception {
        Opened o = open();
        List<CompletableFuture<Void>> both = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() ->
                prices.ingest(List.of(new PriceUpdate(o.symbol(), new BigDecimal("101.5"),
                        PlatformClock.system().instant()))))).toList();
        CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        List<Message> queued = backends.queues().takeOrdersOf(o.trader().userId());
        for (Message m : queued) execute(List.of(m));

        Books books = Books.of(o.trader().userId());
        assertThat(closes(books)).singleElement().satisfies(c -> assertThat(c.rung()).isEqualTo(1));
        assertThat(books.position(o.open().positionId()).orElseThrow().quantity())
                .isEqualByComparingTo(o.open().quantity().multiply(new BigDecimal("0.75")));
    }

    @Test
    @DisplayName("two scale-outs, then the trailing stop closes the rest: stop to breakeven, trailed up, never loosened")
    void ladderThenTrailingStop() {
        Opened o = open();
        BigDecimal opening = o.open().quantity();
        String positionId = o.open().positionId();

        execute(batch(o, "101.1"));
        execute(batch(o, "102.3"));
        PositionItem afterTwo = Books.of(o.trader().userId()).position(positionId).orElseThrow();
        execute(batch(o, "103.4", "102.9"));
        PositionItem trailed = Books.of(o.trader().userId()).position(positionId).orElseThrow();
        execute(batch(o, "102.4"));

        assertThat(afterTwo.rungsDone()).isEqualTo(2);
        assertThat(afterTwo.stopLoss()).as("trail active after rung 2: 102.3 − 1").isEqualByComparingTo("101.3");
        assertThat(afterTwo.quantity()).isEqualByComparingTo(opening.multiply(new BigDecimal("0.5")));
        assertThat(trailed.stopLoss()).as("103.4 − 1, not lowered by 102.9").isEqualByComparingTo("102.4");
        Books books = Books.of(o.trader().userId());
        List<OrderItem> closes = closes(books);
        assertThat(closes).extracting(OrderItem::rung).containsExactlyInAnyOrder(1, 2, null);
        assertThat(closes).allSatisfy(c -> assertThat(c.status()).isEqualTo(OrderStatus.FILLED));
        OrderItem last = closes.stream().filter(c -> c.rung() == null).findFirst().orElseThrow();
        assertThat(last.strategy()).isEqualTo("stop-loss");
        assertThat(last.quantity()).isEqualByComparingTo(opening.multiply(new BigDecimal("0.5")));
        PositionItem closed = books.position(positionId).orElseThrow();
        assertThat(closed.status()).isEqualTo("CLOSED");
        BigDecimal tradesRealized = books.trades().stream().map(TradeItem::realizedPnl)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(books.trades()).hasSize(4);
        assertThat(closed.realizedPnl()).as("the position's P&L is its three exits'").isEqualByComparingTo(tradesRealized);
        assertThat(books.lifetime().orElseThrow().realizedPnl()).isEqualByComparingTo(tradesRealized);
        assertThat(o.open().explanation()).isEqualTo("{\"why\":\"test\"}");
    }
}
