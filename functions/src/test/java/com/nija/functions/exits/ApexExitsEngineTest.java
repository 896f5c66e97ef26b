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
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.market.PriceUpdate;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.prices.PriceIngestService;
import com.nija.shared.strategy.ApexDecision;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexTradePlan;
import com.nija.shared.strategy.ApexTradePlan.Exit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@link ApexTradePlan} is the reference the engine's scale-outs answer to: the same APEX entry, driven through the
 * engine (price batches into the price path, queued orders through the executor) and through the plan over the same
 * prices, exits at the same moments, at the same levels, with the same shares of the position.
 */
class ApexExitsEngineTest {
    private static final LocalBackends backends = LocalBackends.get();
    private static final ApexParameters P = ApexParameters.load();
    private static final BigDecimal ATR = new BigDecimal("0.5");
    /** The paper broker's fill of a market buy at 100: 5 bps of slippage. */
    private static final BigDecimal ENTRY = new BigDecimal("100.05");
    private final OrderExecutorHandler executor = new OrderExecutorHandler(backends.context());
    private final PriceIngestService prices = backends.context().getBean(PriceIngestService.class);

    private static ApexDecision decision() {
        List<BigDecimal> targets = P.targets().stream()
                .map(t -> ENTRY.multiply(BigDecimal.ONE.add(t.percent().movePointLeft(2)))).toList();
        return new ApexDecision("BTC-USD", Instant.EPOCH, ApexDecision.Action.BUY, ApexDecision.Reason.ENTRY, "long",
                Map.of(), Map.of(), ENTRY, new BigDecimal("99.5"), targets, new BigDecimal("5"), P.version());
    }

    /** APEX's plan for this decision, as its scan sends it. */
    private static ExitPlan plan(ApexDecision d) {
        return ApexTradePlan.exitPlan(d, P, ATR);
    }

    /** The first seeded path on which the reference scales out twice and its trailing stop closes the rest. */
    private static List<BigDecimal> path() {
        for (int seed = 1; ; seed++) {
            Random random = new Random(seed);
            ApexTradePlan reference = new ApexTradePlan(decision(), P);
            List<BigDecimal> path = new ArrayList<>();
            List<Exit> exits = new ArrayList<>();
            BigDecimal price = new BigDecimal("100.05");
            while (path.size() < 150 && !reference.closed()) {
                price = price.add(BigDecimal.valueOf(random.nextGaussian() * 0.3 + 0.04)).setScale(2, RoundingMode.HALF_UP);
                path.add(price);
                exits.addAll(reference.onBar(price, price, ATR));
            }
            if (exits.stream().map(Exit::why).toList().equals(List.of("target1", "target2", "trailing"))) return path;
        }
    }

    @Test
    @DisplayName("an APEX long through the engine exits where ApexTradePlan does: two scale-outs, then the trailing stop")
    void engineMatchesTradePlan() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        ApexDecision decision = decision();
        OrderRequest buy = TestSignals.buy(symbol).usd("1000").stopLossAt("99.5").exits(plan(decision))
                .forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(buy), null);
        backends.queues().takeOrdersOf(trader.userId());
        OrderItem open = Books.of(trader.userId()).order(buy.orderId()).orElseThrow();
        assertThat(open.fillPrice()).isEqualByComparingTo(ENTRY);
        BigDecimal opening = open.quantity();

        ApexTradePlan reference = new ApexTradePlan(decision, P);
        List<Exit> expected = new ArrayList<>();
        List<Exit> actual = new ArrayList<>();
        for (BigDecimal price : path()) {
            expected.addAll(reference.onBar(price, price, ATR));
            PositionItem before = Books.of(trader.userId()).position(open.positionId()).orElseThrow();
            prices.ingest(List.of(new PriceUpdate(symbol, price, PlatformClock.system().instant())));
            List<Message> queued = backends.queues().takeOrdersOf(trader.userId());
            if (queued.isEmpty()) continue;
            assertThat(executor.handleRequest(WorkQueueProbe.event(queued), null).getBatchItemFailures()).isEmpty();
            for (Message m : queued) actual.add(exitOf(OrderMessages.readOrder(m.body()), before, decision, opening,
                    Books.of(trader.userId())));
        }

        assertThat(actual).isEqualTo(expected.stream().map(e -> new Exit(e.why(), e.price().stripTrailingZeros(),
                e.fraction().stripTrailingZeros())).toList());
        assertThat(Books.of(trader.userId()).position(open.positionId()).orElseThrow().status()).isEqualTo("CLOSED");
    }

    /** The engine's order for {@code request}, named as {@link ApexTradePlan} names its exits. */
    private static Exit exitOf(OrderRequest request, PositionItem before, ApexDecision d, BigDecimal opening, Books books) {
        OrderItem order = books.orders().stream().filter(o -> request.requestId().equals(o.signalId())
                && o.status() == OrderStatus.FILLED).findFirst().orElseThrow();
        BigDecimal fraction = order.quantity().divide(opening, 2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (request.trigger() == OrderTrigger.SCALE_OUT) {
            return new Exit("target" + request.rung(), d.targets().get(request.rung() - 1).stripTrailingZeros(), fraction);
        }
        if (request.trigger() == OrderTrigger.TAKE_PROFIT) {
            return new Exit("target" + d.targets().size(), d.targets().get(d.targets().size() - 1).stripTrailingZeros(),
                    fraction);
        }
        int rungs = before.rungs();
        return new Exit(rungs == 0 ? "stop" : rungs == 1 ? "breakeven" : "trailing", before.stopLoss().stripTrailingZeros(),
                fraction);
    }
}
