package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.json.Json;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueCredentials;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/trading/close-position for a position opened at a live venue, through a context whose Kraken client is
 * a scripted exchange: the close goes to Kraken; 200 with the venue's ids when it fills, 202 with the SUBMITTED order
 * when Kraken took it but its answer was lost, and a second click then finds the close at Kraken (409).
 */
class ClosePositionLiveHandlerTest {
    private static final ScriptedExchange KRAKEN = new ScriptedExchange(Venue.KRAKEN, PlatformClock.system())
            .mark("XBTUSD", "61000");
    private static ApplicationContext context;

    @BeforeAll
    static void contextWithKraken() {
        context = LocalBackends.get().newContext(Map.of());
        // The scripted exchange stands in for the venue clients the context builds.
        context.registerSingleton(VenueClients.class, new VenueClients(java.util.List.of(KRAKEN)));
    }

    @AfterAll
    static void close() {
        context.close();
    }

    /** A trader with a Kraken key and a long of 0.01 BTC opened there. */
    private static String krakenLong(TraderFixture trader) {
        context.getBean(BrokerLinkRepository.class).connect(trader.userId(), new VenueCredentials(Venue.KRAKEN,
                Map.of("apiKey", "key-" + trader.userId(), "apiSecret", "c2VjcmV0"), false), PlatformClock.system().instant());
        KRAKEN.holds("key-" + trader.userId(), "BTC", "0.01"); // what the position bought there
        String positionId = "p-" + trader.userId();
        Instant openedAt = PlatformClock.system().instant().minus(Duration.ofHours(1));
        context.getBean(TradingTables.class).positions().putItem(new PositionItem(Keys.user(trader.userId()),
                Keys.position(positionId), positionId, trader.userId(), "BTC-USD", "LONG", new BigDecimal("0.01"),
                new BigDecimal("60000"), PositionStatus.OPEN.name(), openedAt, null, null, null, new BigDecimal("0.60"),
                null, null, Keys.openBySymbol("BTC-USD"), trader.userId() + "#" + positionId, null, null, "kraken",
                null));
        return positionId;
    }

    private static APIGatewayV2HTTPResponse click(TraderFixture trader, String positionId) {
        return new ClosePositionHandler(context).handleRequest(Events.withBody(Events.http("api/close-position.json",
                trader.userId()), "{\"positionId\": \"" + positionId + "\"}"), null);
    }

    @Test
    @DisplayName("a live position closes at its venue: 200 with the filled order, its venue and the ids it has there")
    void closesAtTheVenue() {
        TraderFixture trader = TradingSetup.trader().create();
        String positionId = krakenLong(trader);

        JsonNode order = ok(click(trader, positionId));

        assertThat(order.path("status").asText()).isEqualTo("FILLED");
        assertThat(order.path("venue").asText()).isEqualTo("kraken");
        assertThat(order.path("clientOrderId").asText())
                .isEqualTo(ClientOrderIds.forVenue(Venue.KRAKEN, order.path("orderId").asText()));
        assertThat(order.path("venueOrderId").asText()).startsWith("kraken-");
        assertThat(order.path("fillPrice").asText()).isEqualTo("61000");
        assertThat(Books.of(trader.userId()).position(positionId).orElseThrow().status()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("Kraken took the close but its answer was lost: 202 with the SUBMITTED order; the next click finds it filled there (409)")
    void unconfirmedCloseIsAccepted() {
        TraderFixture trader = TradingSetup.trader().create();
        String positionId = krakenLong(trader);
        KRAKEN.next(new ScriptedExchange.TimesOut(true));
        int ordersBefore = KRAKEN.orders();

        APIGatewayV2HTTPResponse first = click(trader, positionId);
        APIGatewayV2HTTPResponse second = click(trader, positionId);

        assertThat(first.getStatusCode()).isEqualTo(202);
        JsonNode submitted = Json.readTree(first.getBody()).orElseThrow();
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("venue").asText()).isEqualTo("kraken");
        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(KRAKEN.orders() - ordersBefore).as("one close at Kraken").isEqualTo(1);
        assertThat(Books.of(trader.userId()).position(positionId).orElseThrow().status()).isEqualTo("CLOSED");
    }
}
