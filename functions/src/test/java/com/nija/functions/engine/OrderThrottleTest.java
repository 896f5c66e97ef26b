package com.nija.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Books;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.ThrottleConfig;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderStatus;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NIJA's per-trader order throttle (at most 3 new orders a minute, 5 s apart). The shared test context runs with it
 * off so other tests can place orders back to back; this class has a context of its own with the throttle on and a
 * Redis timeout long enough that a busy test machine can't make the throttle fail open.
 */
class OrderThrottleTest {
    private static final MutableClock CLOCK = new MutableClock(PlatformClock.system().instant());
    private static ApplicationContext context;
    private final OrderExecutorHandler executor = new OrderExecutorHandler(context);

    @BeforeAll
    static void throttleOn() {
        context = LocalBackends.get().newContext(Map.of("nija.throttle.enabled", "true",
                "nija.redis-timeout-millis", "2000"), CLOCK);
    }

    @BeforeEach
    void defaultSpacing() {
        context.getBean(ThrottleConfig.class).setMinSpacingMillis(new ThrottleConfig().getMinSpacingMillis());
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private OrderItem deliver(OrderRequest request) {
        executor.handleRequest(SqsEvents.order(request), null);
        return Books.of(request.userId()).orderFor(request).orElseThrow();
    }

    /** A trader and the latest price of {@code count} markets of their own. */
    private static List<String> markets(TraderFixture trader, int count) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String symbol = TestSignals.uniqueSymbol();
            trader.price(symbol, "10");
            symbols.add(symbol);
        }
        return symbols;
    }

    @Test
    @DisplayName("the defaults are NIJA's: 3 orders a minute, 20 an hour, 50 a day, 5 s apart")
    void defaults() {
        ThrottleConfig defaults = new ThrottleConfig();

        assertThat(defaults.isEnabled()).isTrue();
        assertThat(defaults.getPerMinute()).isEqualTo(3);
        assertThat(defaults.getPerHour()).isEqualTo(20);
        assertThat(defaults.getPerDay()).isEqualTo(50);
        assertThat(defaults.getMinSpacingMillis()).isEqualTo(5000);
    }

    @Test
    @DisplayName("the throttle is on in this class's context")
    void throttleIsOn() {
        assertThat(context.getBean(ThrottleConfig.class).isEnabled()).isTrue();
    }

    @Test
    @DisplayName("4 new orders in quick succession: the first fills, the second within 5 s is refused \"orders must be 5 s apart\"")
    void ordersMustBeFiveSecondsApart() {
        TraderFixture trader = TradingSetup.trader().create();
        List<String> symbols = markets(trader, 4);

        List<OrderItem> orders = new ArrayList<>();
        for (String symbol : symbols) orders.add(deliver(TestSignals.buy(symbol).usd("50").forTrader(trader.userId())));

        assertThat(orders.get(0).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(orders.subList(1, 4)).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REFUSED);
            assertThat(o.reason()).isEqualTo("throttled: orders must be 5 s apart");
        });
        assertThat(Books.of(trader.userId()).paperOrders()).hasSize(1);
    }

    @Test
    @DisplayName("spaced out but within one minute, the 4th new order is refused \"at most 3 orders a minute\"")
    void atMostThreeAMinute() {
        TraderFixture trader = TradingSetup.trader().create();
        List<String> symbols = markets(trader, 4);
        // One second into a minute, then 6 s apart: all four within one minute window, each past the 5 s spacing.
        CLOCK.set(PlatformClock.system().instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofSeconds(61)));

        List<OrderItem> orders = new ArrayList<>();
        for (String symbol : symbols) {
            orders.add(deliver(TestSignals.buy(symbol).usd("50").forTrader(trader.userId())));
            CLOCK.advance(Duration.ofSeconds(6));
        }

        assertThat(orders.subList(0, 3)).extracting(OrderItem::status).containsOnly(OrderStatus.FILLED);
        assertThat(orders.get(3).status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(orders.get(3).reason()).isEqualTo("throttled: at most 3 orders a minute");
    }

    @Test
    @DisplayName("closing is never throttled: an exit right after the opening order fills")
    void exitsAreNotThrottled() {
        TraderFixture trader = TradingSetup.trader().create();
        String symbol = markets(trader, 1).get(0);

        OrderItem opened = deliver(TestSignals.buy(symbol).usd("50").forTrader(trader.userId()));
        OrderItem closed = deliver(TestSignals.exit(symbol).forTrader(trader.userId()));

        assertThat(opened.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(closed.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(closed.intent()).isEqualTo(OrderIntent.CLOSE);
    }
}
