package com.nija.functions.support;

import com.nija.shared.broker.PaperBroker;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TradingMode;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.instruments.Instrument;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.livebroker.LiveBroker;
import com.nija.shared.livebroker.RoutingBroker;
import com.nija.shared.livebroker.SealedTraderKeys;
import com.nija.shared.livebroker.TraderKeys;
import com.nija.shared.livebroker.VenueRateLimitConfig;
import com.nija.shared.livebroker.VenueRateLimiter;
import com.nija.shared.livebroker.VenueRulesCache;
import com.nija.shared.livebroker.VenueRulesConfig;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueRules;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine with live venues: the context's engine, paper broker and stored broker connections, with every venue a
 * {@link ScriptedExchange} and a market of the test's own ({@link TestSignals#uniqueSymbol()}) listed on all five. The
 * engine, the venue rules and the rate limiter run on a hand-moved clock; the limiter uses the platform's real Redis.
 * Traders connect keys through the real {@link BrokerLinkRepository} (sealed, opened per call), with secrets of their
 * own that tests can look for in logs.
 */
public final class LiveTrading {
    private final ApplicationContext context = LocalBackends.get().context();
    private final MutableClock clock = new MutableClock(PlatformClock.system().instant());
    private final String symbol = TestSignals.uniqueSymbol();
    private final Map<Venue, ScriptedExchange> exchanges = new EnumMap<>(Venue.class);
    private final AtomicInteger keysOpened = new AtomicInteger();
    private final Map<String, List<String>> secrets = new HashMap<>();
    private final Instruments instruments;
    private VenueRateLimiter limiter;

    private LiveTrading() {
        Map<String, Instrument.VenueMarket> markets = new HashMap<>();
        for (Venue v : Venue.values()) {
            exchanges.put(v, new ScriptedExchange(v, clock).mark(venueSymbol(v), "100")
                    .lists(venueSymbol(v), symbol.split("-")[0]));
            markets.put(v.wire(), new Instrument.VenueMarket(venueSymbol(v), List.of(), new BigDecimal("0.0001"),
                    new BigDecimal("0.0001"), new BigDecimal("0.01"), BigDecimal.ONE));
        }
        String[] parts = symbol.split("-");
        instruments = new Instruments(List.of(new Instrument(symbol, parts[0], parts[1], new BigDecimal("0.00000001"),
                new BigDecimal("0.00000001"), new BigDecimal("0.01"), BigDecimal.ONE, markets)));
        limiter = new VenueRateLimiter(context.getBean(RedisGateway.class), new VenueRateLimitConfig(), clock);
    }

    /** Five scripted venues, a market of this test's own at 100 on each and on the paper feed. */
    public static LiveTrading start() {
        LiveTrading live = new LiveTrading();
        live.paperPrice("100");
        return live;
    }

    public String symbol() {
        return symbol;
    }

    /** The market's name at {@code venue} (each venue names it its own way). */
    public String venueSymbol(Venue venue) {
        return venue.name().charAt(0) + ":" + symbol.replace("-", "");
    }

    public ScriptedExchange exchange(Venue venue) {
        return exchanges.get(venue);
    }

    public MutableClock clock() {
        return clock;
    }

    /** How often a trader's key was opened from its sealed form. */
    public int keysOpened() {
        return keysOpened.get();
    }

    /** Every secret of every key connected so far (to look for where none may be). */
    public List<String> secrets() {
        return secrets.values().stream().flatMap(List::stream).toList();
    }

    /** The price the paper broker fills at and the risk rules size by (the venues fill at their own marks). */
    public LiveTrading paperPrice(String price) {
        context.getBean(com.nija.shared.market.PriceBook.class).update(symbol, new BigDecimal(price), clock.instant());
        return this;
    }

    /** The rate limiter live orders go through (the default: the context's Redis, default buckets). */
    public LiveTrading limiter(VenueRateLimiter limiter) {
        this.limiter = limiter;
        return this;
    }

    public LiveTrading rules(Venue venue, String minSize, String step, String tick, String minNotional) {
        exchanges.get(venue).rules(new VenueRules(venueSymbol(venue), new BigDecimal(minSize), new BigDecimal(step),
                new BigDecimal(tick), new BigDecimal(minNotional)));
        return this;
    }

    /** The live broker as the context would build it, over the scripted venues. */
    public LiveBroker liveBroker() {
        VenueClients clients = new VenueClients(new ArrayList<>(exchanges.values()));
        SealedTraderKeys sealed = context.getBean(SealedTraderKeys.class);
        TraderKeys counting = (userId, venue) -> {
            keysOpened.incrementAndGet();
            return sealed.open(userId, venue);
        };
        return new LiveBroker(clients, counting, new VenueRulesCache(clients, new VenueRulesConfig(), clock), limiter,
                instruments);
    }

    /** The context's engine, routing to the paper broker and the scripted venues, on the hand-moved clock. */
    public TradingEngine engine(Object... replacements) {
        Object[] all = new Object[replacements.length + 2];
        System.arraycopy(replacements, 0, all, 0, replacements.length);
        all[replacements.length] = new RoutingBroker(context.getBean(PaperBroker.class), liveBroker());
        all[replacements.length + 1] = clock;
        return Rewired.build(TradingEngine.class, all);
    }

    /** A trader ready to trade (pro, bot running), with a key connected at every venue, still in paper mode. */
    public TraderFixture trader() {
        return trader(TradingSetup.trader());
    }

    public TraderFixture trader(TradingSetup setup) {
        TraderFixture trader = setup.create();
        BrokerLinkRepository links = context.getBean(BrokerLinkRepository.class);
        for (Venue v : Venue.values()) {
            Map<String, String> fields = new HashMap<>();
            List<String> own = new ArrayList<>();
            List<String> names = v.credentialFields();
            fields.put(names.get(0), "key-" + trader.userId() + "-" + v.wire());
            for (String secret : names.subList(1, names.size())) {
                String value = "SECRET-" + UUID.randomUUID();
                fields.put(secret, value);
                own.add(value);
            }
            links.connect(trader.userId(), new VenueCredentials(v, fields, false), clock.instant());
            secrets.computeIfAbsent(trader.userId(), k -> new ArrayList<>()).addAll(own);
        }
        return trader;
    }

    /** The key id the trader's calls to {@code venue} carry. */
    public static String keyId(TraderFixture trader, Venue venue) {
        return "key-" + trader.userId() + "-" + venue.wire();
    }

    /** Switches the trader's new orders to {@code venue} (consent as the mode route records it). */
    public void goLive(TraderFixture trader, Venue venue) {
        setMode(trader, TradingMode.LIVE, venue.wire());
    }

    public void goPaper(TraderFixture trader) {
        setMode(trader, TradingMode.PAPER, null);
    }

    private void setMode(TraderFixture trader, TradingMode mode, String venue) {
        BrokerLinkRepository links = context.getBean(BrokerLinkRepository.class);
        Long version = links.mode(trader.userId()).version();
        links.setMode(new TradingModeItem(Keys.user(trader.userId()), Keys.TRADING_MODE, trader.userId(), mode, venue,
                clock.instant(), clock.instant(), version));
    }
}
