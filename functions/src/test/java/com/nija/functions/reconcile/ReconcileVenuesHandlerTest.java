package com.nija.functions.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.live.ConnectionsRecorder;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.ScriptedExchange;
import com.nija.functions.support.TestVenuesFactory;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TradingMode;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TableProvisioner;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.live.Format;
import com.nija.shared.live.LiveSessions;
import com.nija.shared.live.MessageCodec;
import com.nija.shared.reconcile.LivePositionBook;
import com.nija.shared.reconcile.ReconcileReport;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reconciliation through its scheduled handler, against a scripted exchange, on a table of its own per test (so a
 * run's counts are this test's traders only) with pushes recorded at a stand-in {@code @connections} endpoint: what a
 * live trader hears, what is counted, and that nothing is traded.
 */
class ReconcileVenuesHandlerTest {
    private final ScriptedExchange exchange = new ScriptedExchange();
    private final ConnectionsRecorder recorder = new ConnectionsRecorder();
    private ApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) context.close();
        recorder.close();
    }

    /** A context on a fresh trading table, its venues the scripted exchange, its pushes recorded. */
    private ApplicationContext start(Map<String, Object> overrides) {
        NijaConfig shared = LocalBackends.get().context().getBean(NijaConfig.class);
        String table = "reconcile-" + UUID.randomUUID();
        Map.Entry<String, Object> venues = TestVenuesFactory.use(exchange);
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put("nija.trading-table", table);
        properties.put("nija.live.callback-url", recorder.endpoint().toString());
        properties.put("nija.live.retry-backoff-millis", "1");
        properties.put(venues.getKey(), venues.getValue());
        context = LocalBackends.get().newContext(properties);
        new TableProvisioner(context.getBean(DynamoDbClient.class)).ensure(Tables.TRADING, table);
        assertThat(shared.getTradingTable()).isNotEqualTo(table);
        return context;
    }

    private ReconcileReport run() {
        return new ReconcileVenuesHandler(context).handleRequest(Events.scheduled("scheduled/reconcile-venues.json"),
                null);
    }

    /** A trader in live mode on {@code venue} with a key there whose id is returned. */
    private String liveTrader(String user, Venue venue) {
        BrokerLinkRepository links = context.getBean(BrokerLinkRepository.class);
        String keyId = "key" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> fields = new HashMap<>();
        for (String f : venue.credentialFields()) fields.put(f, f.equals(venue.credentialFields().get(0)) ? keyId : "s3cret-" + f);
        Instant now = PlatformClock.system().instant();
        links.connect(user, new VenueCredentials(venue, fields, false), now);
        links.setMode(new TradingModeItem(Keys.user(user), Keys.TRADING_MODE, user, TradingMode.LIVE, venue.wire(), now,
                now, null));
        return keyId;
    }

    /** An open position as the engine books a live fill: with the venue it was placed at. */
    private void openPosition(String user, String id, String symbol, String quantity, Venue venue) {
        TradingTables tables = context.getBean(TradingTables.class);
        tables.positions().putItem(new PositionItem(Keys.user(user), Keys.position(id), id, user, symbol, "LONG",
                new BigDecimal(quantity), new BigDecimal("60000"), PositionStatus.OPEN.name(),
                PlatformClock.system().instant(), null, null, null, BigDecimal.ZERO, null, null,
                Keys.openBySymbol(symbol), user + "#" + id, null, null, null, null));
        if (venue != null) {
            tables.client().updateItem(b -> b.tableName(tables.name())
                    .key(Map.of("pk", AttributeValue.fromS(Keys.user(user)), "sk", AttributeValue.fromS(Keys.position(id))))
                    .updateExpression("SET #v = :v")
                    .expressionAttributeNames(Map.of("#v", LivePositionBook.VENUE))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(venue.wire()))));
        }
    }

    /** A WebSocket connection of {@code user} subscribed to nothing: drift reaches every connection. */
    private String connection(String user) {
        String conn = UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "=";
        context.getBean(LiveSessions.class).open(user, conn, null, List.of("orders"), null, null);
        return conn;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> driftsPushedTo(String conn) {
        return recorder.postsTo(conn).stream()
                .map(p -> MessageCodec.decode(p.body(), Format.JSON))
                .flatMap(m -> ((List<Map<String, Object>>) m.get("updates")).stream())
                .filter(u -> "position.drift".equals(u.get("event")))
                .toList();
    }

    /** A new trader id listed in write shard {@code shard}: seven of them fill four pages of two. */
    private static String inShard(int shard) {
        while (true) {
            String user = "t-" + UUID.randomUUID();
            if (Keys.liveTradingShard(user).equals(Keys.liveTradingShard(shard))) return user;
        }
    }

    private static double metric(String name) {
        return LocalBackends.get().metrics().total(name);
    }

    @Test
    @DisplayName("a venue holding what the live positions hold: checked, no drift, nothing pushed")
    void noDrift() {
        start(Map.of());
        String user = "t-" + UUID.randomUUID();
        String key = liveTrader(user, Venue.COINBASE);
        openPosition(user, "p1", "BTC-USD", "0.5", Venue.COINBASE);
        openPosition(user, "p2", "BTC-USD", "0.25", Venue.COINBASE);
        exchange.holds(key, Map.of("BTC", "0.75", "USD", "1200"));
        String conn = connection(user);

        ReconcileReport report = run();

        assertThat(report).isEqualTo(new ReconcileReport(1, 1, 0, 0, 0, 0, 0));
        assertThat(driftsPushedTo(conn)).isEmpty();
    }

    @Test
    @DisplayName("a venue holding less: position.drift pushed to the trader with what is missing, counted for the alarm")
    void venueHoldsLess() {
        start(Map.of());
        String user = "t-" + UUID.randomUUID();
        String key = liveTrader(user, Venue.KRAKEN);
        openPosition(user, "p1", "BTC-USD", "0.5", Venue.KRAKEN);
        openPosition(user, "paper", "BTC-USD", "3", null);
        exchange.holds(key, Map.of("BTC", "0.2"));
        String conn = connection(user);
        double before = metric("PositionDrift");
        int calls = exchange.calledWith().size();

        ReconcileReport report = run();

        assertThat(report.drifts()).isEqualTo(1);
        assertThat(metric("PositionDrift") - before).isEqualTo(1);
        assertThat(driftsPushedTo(conn)).singleElement().satisfies(update -> {
            assertThat(update).containsEntry("channel", "positions");
            @SuppressWarnings("unchecked")
            Map<String, Object> drift = (Map<String, Object>) update.get("data");
            assertThat(drift).containsEntry("venue", "kraken").containsEntry("asset", "BTC")
                    .containsEntry("expected", "0.5").containsEntry("held", "0.2").containsEntry("missing", "0.3")
                    .containsEntry("positionIds", List.of("p1"));
        });
        assertThat(exchange.calledWith()).as("one account read, no order").hasSize(calls + 1);
    }

    @Test
    @DisplayName("a venue that does not answer is counted, reports no drift, and the other traders are still reconciled")
    void venueUnreachable() {
        start(Map.of());
        String silentUser = "t-" + UUID.randomUUID();
        exchange.unreachable(liveTrader(silentUser, Venue.OKX));
        openPosition(silentUser, "p1", "ETH-USD", "2", Venue.OKX);
        String silentConn = connection(silentUser);
        String other = "t-" + UUID.randomUUID();
        exchange.holds(liveTrader(other, Venue.BINANCE), Map.of());
        openPosition(other, "p2", "ETH-USD", "1", Venue.BINANCE);
        double before = metric("ReconcileVenueUnreachable");

        ReconcileReport report = run();

        assertThat(report.traders()).isEqualTo(2);
        assertThat(report.venuesUnreachable()).isEqualTo(1);
        assertThat(report.venuesChecked()).isEqualTo(1);
        assertThat(report.drifts()).isEqualTo(1);
        assertThat(metric("ReconcileVenueUnreachable") - before).isEqualTo(1);
        assertThat(driftsPushedTo(silentConn)).isEmpty();
    }

    @Test
    @DisplayName("many live traders in one shard are listed a page at a time, every one reconciled; only the drifting hear it")
    void manyTradersPaged() {
        start(Map.of("nija.reconcile.page-size", "2", "nija.reconcile.parallelism", "3"));
        Map<String, String> conns = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            String user = inShard(5);
            String key = liveTrader(user, Venue.ALPACA);
            openPosition(user, "p" + i, "BTC-USD", "1", Venue.ALPACA);
            exchange.holds(key, Map.of("BTC", i % 3 == 0 ? "0.5" : "1"));
            conns.put(user, connection(user));
        }

        ReconcileReport report = run();

        assertThat(report).isEqualTo(new ReconcileReport(7, 7, 3, 0, 0, 0, 0));
        assertThat(conns.values().stream().filter(c -> !driftsPushedTo(c).isEmpty()).count()).isEqualTo(3);
    }

    @Test
    @DisplayName("a trader back on paper is not listed; a live position at a venue without a key is counted as missing a key")
    void listingAndMissingKeys() {
        start(Map.of());
        String paper = "t-" + UUID.randomUUID();
        liveTrader(paper, Venue.COINBASE);
        context.getBean(BrokerLinkRepository.class).setMode(new TradingModeItem(Keys.user(paper), Keys.TRADING_MODE,
                paper, TradingMode.PAPER, null, null, PlatformClock.system().instant(),
                context.getBean(BrokerLinkRepository.class).mode(paper).version()));
        String user = "t-" + UUID.randomUUID();
        exchange.holds(liveTrader(user, Venue.COINBASE), Map.of("BTC", "1"));
        openPosition(user, "p1", "BTC-USD", "1", Venue.COINBASE);
        openPosition(user, "p2", "ETH-USD", "1", Venue.KRAKEN);

        ReconcileReport report = run();

        assertThat(report).isEqualTo(new ReconcileReport(1, 1, 0, 0, 0, 1, 0));
    }
}
