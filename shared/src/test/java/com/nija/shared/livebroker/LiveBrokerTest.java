package com.nija.shared.livebroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.PreparedTicket;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.testing.HandMovedClock;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live broker against an exchange in memory: each venue sees our order id in its own format and its own symbol,
 * sizes are rounded to the venue's steps, an order below the venue's minimums is refused before any order call, the
 * trader's key is opened for each call and used for nothing else, and answers come back under our order id.
 */
class LiveBrokerTest {
    private static final String USER = "t-live-broker";
    private static final String ORDER_ID = "o-0123456789abcdef01234567";

    private final HandMovedClock clock = new HandMovedClock(Instant.parse("2031-06-16T12:00:00Z"));
    private final Map<Venue, ScriptedExchange> exchanges = new EnumMap<>(Venue.class);
    private final CountingKeys keys = new CountingKeys();
    private LiveBroker broker;

    /** Keys in memory, counting how often one was opened. */
    static final class CountingKeys implements TraderKeys {
        final Map<String, VenueCredentials> stored = new HashMap<>();
        final AtomicInteger opened = new AtomicInteger();

        void connect(String userId, VenueCredentials key) {
            stored.put(userId + " " + key.venue(), key);
        }

        @Override
        public Optional<VenueCredentials> open(String userId, Venue venue) {
            opened.incrementAndGet();
            return Optional.ofNullable(stored.get(userId + " " + venue));
        }
    }

    static VenueCredentials keyFor(Venue venue) {
        Map<String, String> fields = new HashMap<>();
        for (String f : venue.credentialFields()) fields.put(f, venue.wire() + "-" + f + "-value");
        return new VenueCredentials(venue, fields, false);
    }

    @BeforeEach
    void brokerOverFiveVenues() {
        for (Venue v : Venue.values()) {
            exchanges.put(v, new ScriptedExchange(v, clock));
            keys.connect(USER, keyFor(v));
        }
        // No Redis configured: the rate limiter lets calls through (its Redis behaviour is tested with a real one).
        VenueRateLimiter limiter = new VenueRateLimiter(new RedisGateway(new NijaConfig()), new VenueRateLimitConfig(),
                clock);
        VenueClients clients = new VenueClients(new ArrayList<>(exchanges.values()));
        broker = new LiveBroker(clients, keys, new VenueRulesCache(clients, new VenueRulesConfig(), clock), limiter,
                new Instruments());
    }

    private static OrderTicket ticket(Venue venue, String symbol, OrderSide side, OrderType type, String quantity,
                                      String limit) {
        return new OrderTicket(ORDER_ID, USER, symbol, side, type, new BigDecimal(quantity),
                limit == null ? null : new BigDecimal(limit), venue.wire());
    }

    static Stream<Arguments> venues() {
        return Stream.of(
                Arguments.of(Venue.COINBASE, "BTC-USD", "BTC-USD", Pattern.compile("o-[0-9a-f]{24}")),
                Arguments.of(Venue.KRAKEN, "BTC-USD", "XBTUSD",
                        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")),
                Arguments.of(Venue.OKX, "BTC-USDT", "BTC-USDT", Pattern.compile("[A-Za-z0-9]{1,32}")),
                Arguments.of(Venue.BINANCE, "BTC-USDT", "BTCUSDT", Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}")),
                Arguments.of(Venue.ALPACA, "BTC-USD", "BTC/USD", Pattern.compile("o-[0-9a-f]{24}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    @DisplayName("each venue gets its own symbol and our order id in its own format; the fill comes back under our id")
    void placesInTheVenuesFormat(Venue venue, String symbol, String venueSymbol, Pattern format) {
        ScriptedExchange exchange = exchanges.get(venue).mark(venueSymbol, "100");

        Fill fill = broker.place(ticket(venue, symbol, OrderSide.BUY, OrderType.MARKET, "0.5", null));

        VenueOrder sent = exchange.placements().get(0);
        assertThat(sent.venueSymbol()).isEqualTo(venueSymbol);
        assertThat(sent.clientOrderId()).isEqualTo(ClientOrderIds.forVenue(venue, ORDER_ID)).matches(format);
        assertThat(sent.orderId()).isEqualTo(ORDER_ID);
        assertThat(fill.clientOrderId()).isEqualTo(ORDER_ID);
        assertThat(fill.status()).isEqualTo(Fill.Status.FILLED);
        assertThat(fill.quantity()).isEqualByComparingTo("0.5");
        assertThat(fill.venueOrderId()).isEqualTo(venue.wire() + "-1");
        assertThat(exchange.keyIds()).containsExactly(keyFor(venue).keyId());
    }

    @ParameterizedTest(name = "{4} {1} at {2} -> {3} at {5}")
    @CsvSource({
            "0.12345, 100.77, 0.123, 100.5, BUY, LIMIT",
            "0.12345, 100.77, 0.123, 101.0, SELL, LIMIT",
            "0.123, 100.5, 0.123, 100.5, BUY, LIMIT",
            "0.9999, , 0.999, , SELL, MARKET"})
    @DisplayName("sizes round down to the venue's step and limits to its tick, never to a worse price")
    void roundsToTheVenuesSteps(String quantity, String limit, String expectedQuantity, String expectedLimit,
                                OrderSide side, OrderType type) {
        exchanges.get(Venue.KRAKEN).rules(new VenueRules("XBTUSD", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("0.5"), new BigDecimal("1"))).holds(keyFor(Venue.KRAKEN).keyId(), "BTC", "1");

        PreparedTicket prepared = broker.prepare(ticket(Venue.KRAKEN, "BTC-USD", side, type, quantity, limit),
                new BigDecimal("100"));

        assertThat(prepared.refused()).isFalse();
        assertThat(prepared.ticket().quantity()).isEqualByComparingTo(expectedQuantity);
        if (expectedLimit == null) {
            assertThat(prepared.ticket().limitPrice()).isNull();
        } else {
            assertThat(prepared.ticket().limitPrice()).isEqualByComparingTo(expectedLimit);
        }
    }

    @ParameterizedTest(name = "holding {0}, selling {1} -> {2}")
    @CsvSource({"0.4985, 0.5, 0.498", "2, 0.5, 0.5", "0.5, 0.5, 0.5"})
    @DisplayName("a sell never asks for more of the coin than the venue holds (a buy's fee taken in the coin bought)")
    void sellsWhatTheVenueHolds(String held, String quantity, String sent) {
        exchanges.get(Venue.BINANCE).rules(new VenueRules("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("0.01"), new BigDecimal("5"))).holds(keyFor(Venue.BINANCE).keyId(), "BTC", held);

        PreparedTicket prepared = broker.prepare(ticket(Venue.BINANCE, "BTC-USDT", OrderSide.SELL, OrderType.MARKET,
                quantity, null), new BigDecimal("60000"));

        assertThat(prepared.refused()).isFalse();
        assertThat(prepared.ticket().quantity()).isEqualByComparingTo(sent);
    }

    @Test
    @DisplayName("holding less than the venue's minimum, a sell goes as asked and the venue answers for it")
    void sellOfNothingHeldGoesAsAsked() {
        exchanges.get(Venue.BINANCE).rules(new VenueRules("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"),
                new BigDecimal("0.01"), new BigDecimal("5"))).holds(keyFor(Venue.BINANCE).keyId(), "BTC", "0.0004");

        PreparedTicket prepared = broker.prepare(ticket(Venue.BINANCE, "BTC-USDT", OrderSide.SELL, OrderType.MARKET,
                "0.5", null), new BigDecimal("60000"));

        assertThat(prepared.refused()).isFalse();
        assertThat(prepared.ticket().quantity()).isEqualByComparingTo("0.5");
    }

    @ParameterizedTest(name = "{0} {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "MARKET | 0.0099 |        | size 0.009 is below XBTUSD's minimum 0.01",
            "MARKET | 0.05   |        | notional 5 is below XBTUSD's minimum 10",
            "LIMIT  | 0.05   | 150    | notional 7.5 is below XBTUSD's minimum 10",
            "MARKET | 0.0004 |        | size 0 is below XBTUSD's minimum 0.01"})
    @DisplayName("an order below the venue's minimum size or notional is refused with its reason before any order call")
    void belowMinimumRefusedBeforeAnyCall(OrderType type, String quantity, String limit, String reason) {
        ScriptedExchange kraken = exchanges.get(Venue.KRAKEN).rules(new VenueRules("XBTUSD", new BigDecimal("0.01"),
                new BigDecimal("0.001"), new BigDecimal("0.5"), new BigDecimal("10")));

        PreparedTicket prepared = broker.prepare(ticket(Venue.KRAKEN, "BTC-USD", OrderSide.BUY, type, quantity, limit),
                new BigDecimal("100"));

        assertThat(prepared.refused()).isTrue();
        assertThat(prepared.refusal()).isEqualTo("kraken: " + reason);
        assertThat(kraken.keyedCalls()).as("order calls").isZero();
        assertThat(keys.opened).as("keys opened").hasValue(0);
    }

    @Test
    @DisplayName("a market the venue does not list is refused before any call")
    void unlistedMarketRefused() {
        PreparedTicket prepared = broker.prepare(ticket(Venue.COINBASE, "BTC-USDT", OrderSide.BUY, OrderType.MARKET,
                "1", null), new BigDecimal("100"));

        assertThat(prepared.refusal()).isEqualTo("BTC-USDT is not traded on coinbase");
        assertThat(exchanges.get(Venue.COINBASE).rulesCalls() + exchanges.get(Venue.COINBASE).keyedCalls()).isZero();
    }

    @Test
    @DisplayName("the trader's key is opened for each call and the venue sees only that key")
    void keyOpenedPerCall() {
        ScriptedExchange okx = exchanges.get(Venue.OKX).mark("BTC-USDT", "100");
        OrderTicket ticket = ticket(Venue.OKX, "BTC-USDT", OrderSide.BUY, OrderType.LIMIT, "1", "90");

        broker.place(ticket);
        Optional<Fill> found = broker.lookup(ticket.ref());
        boolean cancelled = broker.cancel(ticket.ref());

        assertThat(found).hasValueSatisfying(f -> {
            assertThat(f.clientOrderId()).isEqualTo(ORDER_ID);
            assertThat(f.status()).isEqualTo(Fill.Status.RESTING);
        });
        assertThat(cancelled).isTrue();
        assertThat(keys.opened).hasValue(3);
        assertThat(okx.keyIds()).hasSize(3).containsOnly(keyFor(Venue.OKX).keyId());
    }

    @Test
    @DisplayName("no key connected at the venue: rejected with that reason, the venue never called")
    void noKeyRejected() {
        keys.stored.clear();

        assertThatThrownBy(() -> broker.place(ticket(Venue.BINANCE, "BTC-USDT", OrderSide.BUY, OrderType.MARKET, "1",
                null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).isEqualTo("no binance key is connected");
                });
        assertThat(exchanges.get(Venue.BINANCE).keyedCalls()).isZero();
    }

    @Test
    @DisplayName("a venue's 429 reaches the engine as not placed, with the venue's wait")
    void venueRateLimitIsNotPlaced() {
        exchanges.get(Venue.ALPACA).mark("BTC/USD", "100").next(new ScriptedExchange.RateLimits(Duration.ofSeconds(7)));

        assertThatThrownBy(() -> broker.place(ticket(Venue.ALPACA, "BTC-USD", OrderSide.BUY, OrderType.MARKET, "1",
                null)))
                .isInstanceOfSatisfying(VenueRateLimitedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_PLACED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(exchanges.get(Venue.ALPACA).orders()).isZero();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(new ScriptedExchange.FillsPart(new BigDecimal("0.4")), Fill.Status.PARTIALLY_FILLED, "0.4"),
                Arguments.of(new ScriptedExchange.Rests(), Fill.Status.RESTING, "1"),
                Arguments.of(new ScriptedExchange.Fills(), Fill.Status.FILLED, "1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("answers")
    @DisplayName("partial fills and resting orders come back as the venue reported them, under our order id")
    void answersMappedBack(ScriptedExchange.Step step, Fill.Status status, String quantity) {
        exchanges.get(Venue.COINBASE).mark("BTC-USD", "100").next(step);

        Fill fill = broker.place(ticket(Venue.COINBASE, "BTC-USD", OrderSide.BUY, OrderType.MARKET, "1.0", null));

        assertThat(fill.clientOrderId()).isEqualTo(ORDER_ID);
        assertThat(fill.status()).isEqualTo(status);
        assertThat(fill.quantity()).isEqualByComparingTo(quantity);
    }

    @Test
    @DisplayName("after a timeout a look-up by our order id finds the order the venue took, and nothing when it took none")
    void lookupAfterTimeout() {
        ScriptedExchange kraken = exchanges.get(Venue.KRAKEN).mark("XBTUSD", "100")
                .next(new ScriptedExchange.TimesOut(true));
        OrderTicket placed = ticket(Venue.KRAKEN, "BTC-USD", OrderSide.BUY, OrderType.MARKET, "1", null);
        OrderTicket other = new OrderTicket("o-ffffffffffffffffffffffff", USER, "BTC-USD", OrderSide.BUY,
                OrderType.MARKET, BigDecimal.ONE, null, "kraken");

        assertThatThrownBy(() -> broker.place(placed)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
        Optional<Fill> found = broker.lookup(placed.ref());
        Optional<Fill> missing = broker.lookup(other.ref());

        assertThat(found).hasValueSatisfying(f -> assertThat(f.clientOrderId()).isEqualTo(ORDER_ID));
        assertThat(missing).isEmpty();
        assertThat(kraken.orders()).isEqualTo(1);
    }
}
