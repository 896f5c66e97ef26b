package com.nija.shared.brokers;

import com.nija.shared.crypto.Envelope;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.json.Json;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Traders' venue connections and trading mode. Credentials are sealed by the {@link Envelope} with the trader id and
 * venue as associated data, so a sealed value copied onto another trader's (or venue's) item does not open; they are
 * opened only by {@link #credentials} for the call that needs them.
 */
@Singleton
public class BrokerLinkRepository {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final DynamoDbTable<BrokerLinkItem> links;
    private final DynamoDbTable<TradingModeItem> modes;
    private final Envelope envelope;

    public BrokerLinkRepository(TradingTables tables, Envelope envelope) {
        this.links = tables.table(BrokerLinkItem.class);
        this.modes = tables.table(TradingModeItem.class);
        this.envelope = envelope;
    }

    /** Stores (or replaces) {@code userId}'s connection with these credentials; its last test is reset. */
    public BrokerLinkItem connect(String userId, VenueCredentials credentials, Instant at) {
        Venue venue = credentials.venue();
        String sealed;
        try {
            sealed = envelope.sealText(Json.MAPPER.writeValueAsString(credentials.fields()), associatedData(userId, venue));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
        BrokerLinkItem item = new BrokerLinkItem(Keys.user(userId), Keys.broker(venue.wire()), userId, venue.wire(),
                sealed, credentials.keyHint(), credentials.sandbox(), at, null, null, null, null);
        links.putItem(item);
        return item;
    }

    public Optional<BrokerLinkItem> find(String userId, Venue venue) {
        return Optional.ofNullable(links.getItem(key(userId, Keys.broker(venue.wire()))));
    }

    public List<BrokerLinkItem> list(String userId) {
        return links.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.user(userId)).sortValue(Keys.BROKER_PREFIX).build())))
                .items().stream().toList();
    }

    /** Records a key test's outcome on the connection (unless it was removed meanwhile). */
    public void recordTest(BrokerLinkItem link, boolean ok, String problems, Instant at) {
        links.updateItem(r -> r.item(new BrokerLinkItem(link.pk(), link.sk(), link.userId(), link.venue(),
                link.sealedCredentials(), link.keyHint(), link.sandbox(), link.connectedAt(), at, ok, problems,
                link.version())).ignoreNulls(false));
    }

    public boolean delete(String userId, Venue venue) {
        return links.deleteItem(key(userId, Keys.broker(venue.wire()))) != null;
    }

    /** {@code userId}'s credentials at {@code venue}, opened; empty when not connected. */
    public Optional<VenueCredentials> credentials(String userId, Venue venue) {
        return find(userId, venue).map(this::open);
    }

    public VenueCredentials open(BrokerLinkItem link) {
        Venue venue = Venue.parse(link.venue()).orElseThrow();
        String json = envelope.openText(link.sealedCredentials(), associatedData(link.userId(), venue));
        try {
            return new VenueCredentials(venue, Json.MAPPER.readValue(json, FIELDS), Boolean.TRUE.equals(link.sandbox()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed credentials of " + venue.wire() + " are not a JSON object");
        }
    }

    /** The trader's mode; paper when none was ever set. */
    public TradingModeItem mode(String userId) {
        TradingModeItem item = modes.getItem(key(userId, Keys.TRADING_MODE));
        return item != null ? item
                : new TradingModeItem(Keys.user(userId), Keys.TRADING_MODE, userId, TradingMode.PAPER, null, null, null, null);
    }

    public void setMode(TradingModeItem item) {
        modes.putItem(item);
    }

    static Map<String, String> associatedData(String userId, Venue venue) {
        return Map.of("trader", userId, "venue", venue.wire(), "kind", "BROKER_KEY");
    }

    private static Key key(String userId, String sk) {
        return Key.builder().partitionValue(Keys.user(userId)).sortValue(sk).build();
    }
}
