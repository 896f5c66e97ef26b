package com.nija.functions.prices;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.LocalBackends;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PriceItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.market.PriceBook;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The read views' price tier ({@link PriceBook#quotes}) and the re-warming of Redis from DynamoDB. */
class PriceQuotesTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final PriceBook prices = context.getBean(PriceBook.class);
    private final RedisGateway redis = context.getBean(RedisGateway.class);
    private final TradingTables tables = context.getBean(TradingTables.class);

    private static String newSymbol() {
        return "Q" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-USD";
    }

    @Test
    @DisplayName("a price recorded through this process is quoted at once")
    void ownUpdateShowsAtOnce() {
        String symbol = newSymbol();
        prices.update(symbol, new BigDecimal("10.00"), PlatformClock.system().instant());
        assertThat(prices.quotes(List.of(symbol))).containsEntry(symbol, new BigDecimal("10.00"));

        prices.update(symbol, new BigDecimal("11.50"), PlatformClock.system().instant());

        assertThat(prices.quotes(List.of(symbol))).containsEntry(symbol, new BigDecimal("11.50"));
    }

    @Test
    @DisplayName("a price recorded by another process is quoted within half a second")
    void otherProcessUpdateShowsWithinTheBound() throws Exception {
        String symbol = newSymbol();
        prices.update(symbol, new BigDecimal("20.00"), PlatformClock.system().instant());
        assertThat(prices.quotes(List.of(symbol))).containsEntry(symbol, new BigDecimal("20.00"));

        // another function's PriceBook: the table, then Redis, never this process's tier
        tables.prices().putItem(new PriceItem(Keys.price(symbol), Keys.LATEST, symbol, new BigDecimal("21.00"),
                PlatformClock.system().instant()));
        redis.write(r -> r.setex("price:" + symbol, 60, "21.00"));
        Thread.sleep(600);

        assertThat(prices.quotes(List.of(symbol)).get(symbol)).isEqualByComparingTo("21.00");
        assertThat(prices.latest(symbol).orElseThrow()).isEqualByComparingTo("21.00");
    }

    @Test
    @DisplayName("a price only DynamoDB still has is put back into Redis for the next reader")
    void tableReadRewarmsRedis() {
        String symbol = newSymbol();
        tables.prices().putItem(new PriceItem(Keys.price(symbol), Keys.LATEST, symbol, new BigDecimal("30.25"),
                PlatformClock.system().instant()));
        assertThat(redis.call(r -> r.get("price:" + symbol))).isEmpty();

        assertThat(prices.latest(symbol)).contains(new BigDecimal("30.25"));

        assertThat(redis.call(r -> r.get("price:" + symbol))).contains("30.25");
        assertThat(redis.call(r -> r.ttl("price:" + symbol)).orElseThrow()).isBetween(1L, 60L);
    }

    @Test
    @DisplayName("re-warming never replaces a newer price already in Redis")
    void rewarmKeepsNewerPrice() {
        String symbol = newSymbol();
        String other = newSymbol();
        tables.prices().putItem(new PriceItem(Keys.price(symbol), Keys.LATEST, symbol, new BigDecimal("40"),
                PlatformClock.system().instant()));
        redis.write(r -> r.setex("price:" + symbol, 60, "41.00"));
        tables.prices().putItem(new PriceItem(Keys.price(other), Keys.LATEST, other, new BigDecimal("5"),
                PlatformClock.system().instant()));

        assertThat(prices.latest(List.of(symbol, other))).containsEntry(symbol, new BigDecimal("41.00"))
                .containsEntry(other, new BigDecimal("5"));

        assertThat(redis.call(r -> r.get("price:" + symbol))).contains("41.00");
    }

    @Test
    @DisplayName("a market with no price anywhere is quoted as absent")
    void noPriceAnywhere() {
        String symbol = newSymbol();

        assertThat(prices.quotes(List.of(symbol))).doesNotContainKey(symbol);
        assertThat(prices.quotes(List.of(symbol))).doesNotContainKey(symbol);
    }
}
