package com.nija.functions.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.functions.support.LocalBackends;
import com.nija.shared.brokers.BrokerLinkItem;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TradingMode;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.crypto.EnvelopeOpenException;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A trader's venue key as it lies in the table: sealed for that trader and venue, opened only by the repository. */
class BrokerKeysAtRestTest {
    private final BrokerLinkRepository links = LocalBackends.get().context().getBean(BrokerLinkRepository.class);
    private final TradingTables tables = LocalBackends.get().context().getBean(TradingTables.class);

    private static VenueCredentials kraken(String secret) {
        return new VenueCredentials(Venue.KRAKEN, Map.of("apiKey", "AbCdKrakenKey9876", "apiSecret", secret), false);
    }

    @Test
    void aConnectedKeyIsStoredSealedAndOpensForItsTrader() {
        String trader = "keys-" + UUID.randomUUID();
        links.connect(trader, kraken("c2VjcmV0LXZhbHVlLW9uZQ=="), PlatformClock.system().instant());

        Map<String, AttributeValue> raw = tables.client().getItem(r -> r.tableName(tables.name()).key(Map.of(
                "pk", AttributeValue.fromS(Keys.user(trader)), "sk", AttributeValue.fromS(Keys.broker("kraken"))))).item();
        assertThat(raw.toString()).doesNotContain("c2VjcmV0LXZhbHVlLW9uZQ==", "AbCdKrakenKey9876");
        assertThat(raw.get("keyHint").s()).isEqualTo("…9876");

        assertThat(links.credentials(trader, Venue.KRAKEN)).hasValueSatisfying(c -> {
            assertThat(c.field("apiSecret")).isEqualTo("c2VjcmV0LXZhbHVlLW9uZQ==");
            assertThat(c.field("apiKey")).isEqualTo("AbCdKrakenKey9876");
        });
        assertThat(links.list(trader)).extracting(BrokerLinkItem::venue).containsExactly("kraken");
    }

    @Test
    void aSealedKeyCopiedOntoAnotherTraderDoesNotOpen() {
        String victim = "keys-" + UUID.randomUUID();
        String thief = "keys-" + UUID.randomUUID();
        BrokerLinkItem stolen = links.connect(victim, kraken("dmljdGltLXNlY3JldA=="), PlatformClock.system().instant());
        DynamoDbTable<BrokerLinkItem> table = tables.table(BrokerLinkItem.class);
        table.putItem(new BrokerLinkItem(Keys.user(thief), stolen.sk(), thief, stolen.venue(), stolen.sealedCredentials(),
                stolen.keyHint(), false, stolen.connectedAt(), null, null, null, null, null, null));

        assertThatThrownBy(() -> links.credentials(thief, Venue.KRAKEN)).isInstanceOf(EnvelopeOpenException.class);
    }

    @Test
    void aTraderWhoNeverChoseIsOnPaperAndDeletingAKeyRemovesIt() {
        String trader = "keys-" + UUID.randomUUID();
        assertThat(links.mode(trader).mode()).isEqualTo(TradingMode.PAPER);
        links.connect(trader, kraken("c2Vjb25k"), PlatformClock.system().instant());
        BrokerLinkItem link = links.find(trader, Venue.KRAKEN).orElseThrow();
        assertThat(links.deleteIfNotLive(link)).isTrue();
        assertThat(links.credentials(trader, Venue.KRAKEN)).isEmpty();
        assertThat(links.deleteIfNotLive(link)).isFalse();
    }
}
