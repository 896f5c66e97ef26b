package com.nija.shared.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DisplayName("Table schemas derived from item records")
class RecordTableSchemaTest {
    /** Where the enhanced client's VersionedRecordExtension looks for the optimistic-locking attribute. */
    private static final String VERSION_METADATA = "VersionedRecordExtension:VersionAttribute";
    private static final Instant T0 = Instant.parse("2026-11-27T13:45:12.345Z");
    private static final Instant T1 = Instant.parse("2026-11-28T09:00:00Z");

    public record WithPrimitive(String pk, String sk, long count) {}

    record NotPublic(String pk, String sk) {}

    static Stream<Arguments> fullItems() {
        return Stream.of(
                Arguments.of(ProfileItem.class, new ProfileItem("USER#u1", "PROFILE", "u1", "Ada", "pro", "active",
                        "RUNNING", new BigDecimal("10000.00"), 2L, T0, T1, 3L, "pro", T1)),
                Arguments.of(SettingsItem.class, new SettingsItem("USER#u1", "SETTINGS", new BigDecimal("2.5"), 5,
                        new BigDecimal("500.00"), List.of("BTC-USD", "ETH-USDT"), new BigDecimal("5"),
                        new BigDecimal("10.25"), true, true, List.of("demo"), "ENABLED#7", "u1", T0, 2L)),
                Arguments.of(PositionItem.class, new PositionItem("USER#u1", "POS#p1", "p1", "u1", "BTC-USD", "LONG",
                        new BigDecimal("0.00500000"), new BigDecimal("61000.10"), "CLOSED", T0, T1,
                        new BigDecimal("61500"), new BigDecimal("1.99"), new BigDecimal("0.51"),
                        new BigDecimal("58000"), new BigDecimal("65000"), "OPEN#BTC-USD", "p1", 1_800_000_000L, 4L, "kraken", 1,
                        "{\"targets\":[62000]}", 1)),
                Arguments.of(TradeItem.class, new TradeItem("USER#u1", Keys.trade(T0, "t1"), "t1", "o1", "p1",
                        "BTC-USD", "SELL", new BigDecimal("0.005"), new BigDecimal("61500.00"),
                        new BigDecimal("0.31"), new BigDecimal("-2.40"), T0, 1_802_000_000L)),
                Arguments.of(RollupItem.class, new RollupItem("USER#u1", Keys.rollup(RollupPeriod.DAY, T0),
                        "2026-11-27", new BigDecimal("-120.55"), new BigDecimal("3.10"), 4L, 1L, 2L,
                        new BigDecimal("40.00"), new BigDecimal("160.55"), new BigDecimal("25000.00"), "o-1",
                        1_860_000_000L)),
                Arguments.of(PriceItem.class, new PriceItem("PRICE#BTC-USD", "LATEST", "BTC-USD",
                        new BigDecimal("61000.12345678"), T0)),
                Arguments.of(OrderItem.class, new OrderItem("USER#u1", "ORDER#o1", "o1", "u1", "sig-1", "tv", "trend",
                        "BTC-USD", OrderSide.BUY, OrderIntent.OPEN, "o1", OrderType.LIMIT, new BigDecimal("61000"),
                        new BigDecimal("0.005"), new BigDecimal("305.00"), new BigDecimal("58000"),
                        new BigDecimal("65000"), OrderStatus.FILLED, "filled after resting", new BigDecimal("60990"),
                        new BigDecimal("0.30"), T1, T0, 1_900_000_000L, 2L, "okx", "o1", "okx-778", T0, true,
                        new BigDecimal("0.010"), "LIVE_RESTING#BTC-USD", "u1#o1", 2, "{\"ladder\":[]}",
                        "{\"why\":\"trend\"}")),
                Arguments.of(PaperOrderItem.class, new PaperOrderItem("PAPER#u1", "o1", "o1", "u1", "BTC-USD",
                        OrderSide.SELL, OrderType.LIMIT, new BigDecimal("0.005"), new BigDecimal("60000"),
                        OrderStatus.RESTING, new BigDecimal("60000"), new BigDecimal("0.30"), T1, T0, "RESTING#BTC-USD",
                        "u1#o1", 1_900_000_000L)));
    }

    static Stream<Class<? extends Record>> itemTypes() {
        return Stream.of(ProfileItem.class, SettingsItem.class, PositionItem.class, TradeItem.class, RollupItem.class,
                PriceItem.class, OrderItem.class, PaperOrderItem.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itemTypes")
    @DisplayName("every item kind is keyed by pk (partition) and sk (sort)")
    void primaryKeys(Class<? extends Record> type) {
        TableMetadata metadata = RecordTableSchema.of(type, Tables.TRADING).tableMetadata();

        assertThat(metadata.primaryPartitionKey()).isEqualTo("pk");
        assertThat(metadata.primarySortKey()).contains("sk");
    }

    @Test
    @DisplayName("positions carry the open-by-symbol index keys (gsi1pk, gsi1sk) and no others")
    void positionsIndexedOpenBySymbol() {
        TableMetadata metadata = RecordTableSchema.of(PositionItem.class, Tables.TRADING).tableMetadata();

        assertThat(metadata.indexPartitionKey(Tables.OPEN_BY_SYMBOL)).isEqualTo("gsi1pk");
        assertThat(metadata.indexSortKey(Tables.OPEN_BY_SYMBOL)).contains("gsi1sk");
        assertThat(secondaryIndexes(metadata)).containsExactly(Tables.OPEN_BY_SYMBOL);
    }

    @Test
    @DisplayName("settings carry the enabled-by-shard index keys (gsi2pk, gsi2sk) and no others")
    void settingsIndexedEnabledByShard() {
        TableMetadata metadata = RecordTableSchema.of(SettingsItem.class, Tables.TRADING).tableMetadata();

        assertThat(metadata.indexPartitionKey(Tables.ENABLED_BY_SHARD)).isEqualTo("gsi2pk");
        assertThat(metadata.indexSortKey(Tables.ENABLED_BY_SHARD)).contains("gsi2sk");
        assertThat(secondaryIndexes(metadata)).containsExactly(Tables.ENABLED_BY_SHARD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itemTypes")
    @DisplayName("item kinds without index attributes are in no secondary index")
    void otherItemsNotIndexed(Class<? extends Record> type) {
        TableMetadata metadata = RecordTableSchema.of(type, Tables.TRADING).tableMetadata();
        List<String> components = Stream.of(type.getRecordComponents()).map(c -> c.getName()).toList();

        if (!components.contains("gsi1pk") && !components.contains("gsi2pk")) {
            assertThat(secondaryIndexes(metadata)).isEmpty();
        } else {
            assertThat(secondaryIndexes(metadata)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itemTypes")
    @DisplayName("items with a version are optimistically locked on it; others are not")
    void versionAttributeTagged(Class<? extends Record> type) {
        TableMetadata metadata = RecordTableSchema.of(type, Tables.TRADING).tableMetadata();
        boolean hasVersion = Stream.of(type.getRecordComponents()).anyMatch(c -> c.getName().equals("version"));

        Optional<String> versionAttribute = metadata.customMetadataObject(VERSION_METADATA, String.class);

        assertThat(versionAttribute).isEqualTo(hasVersion ? Optional.of("version") : Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullItems")
    @DisplayName("an item written to a DynamoDB map and read back is the same item")
    <R extends Record> void roundTrip(Class<R> type, R item) {
        TableSchema<R> schema = RecordTableSchema.of(type, Tables.TRADING);

        Map<String, AttributeValue> map = schema.itemToMap(item, true);
        R back = schema.mapToItem(map);

        assertThat(back).isEqualTo(item);
        assertThat(map).containsOnlyKeys(Stream.of(type.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Test
    @DisplayName("money is stored as a DynamoDB number, times as ISO-8601 text, so ADD and range queries work")
    void attributeTypes() {
        TradeItem trade = new TradeItem("USER#u1", Keys.trade(T0, "t1"), "t1", "o1", "p1", "BTC-USD", "BUY",
                new BigDecimal("0.50"), new BigDecimal("61000.10"), new BigDecimal("0.31"), null, T0, 1_802_000_000L);

        Map<String, AttributeValue> map = RecordTableSchema.of(TradeItem.class, Tables.TRADING).itemToMap(trade, true);

        assertThat(map.get("price").n()).isEqualTo("61000.10");
        assertThat(map.get("quantity").n()).isEqualTo("0.50");
        assertThat(map.get("expiresAt").n()).isEqualTo("1802000000");
        assertThat(map.get("executedAt").s()).isEqualTo("2026-11-27T13:45:12.345Z");
        assertThat(map.get("sk").s()).isEqualTo(Keys.trade(T0, "t1"));
    }

    @Test
    @DisplayName("an order's side, intent, type and status read and write as the same text orders were stored with before they were typed")
    void orderEnumsStoredAsTheirOldText() {
        Map<String, AttributeValue> stored = Map.of("pk", s("USER#u1"), "sk", s("ORDER#o1"), "orderId", s("o1"),
                "userId", s("u1"), "symbol", s("BTC-USD"), "side", s("BUY"), "intent", s("OPEN"),
                "orderType", s("MARKET"), "status", s("FILLED"), "createdAt", s("2026-11-27T13:45:12.345Z"));
        TableSchema<OrderItem> schema = RecordTableSchema.of(OrderItem.class, Tables.TRADING);

        OrderItem order = schema.mapToItem(stored);

        assertThat(order.side()).isEqualTo(OrderSide.BUY);
        assertThat(order.intent()).isEqualTo(OrderIntent.OPEN);
        assertThat(order.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(schema.itemToMap(order, true)).isEqualTo(stored);
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    @Test
    @DisplayName("a closed position without index keys leaves the open-by-symbol index (absent, not null)")
    void closedPositionDropsOutOfSparseIndex() {
        PositionItem closed = new PositionItem("USER#u1", "POS#p1", "p1", "u1", "BTC-USD", "LONG",
                new BigDecimal("1"), new BigDecimal("100"), "CLOSED", T0, T1, new BigDecimal("110"),
                new BigDecimal("9.80"), new BigDecimal("0.20"), null, null, null, null, null, 5L, null, null);
        TableSchema<PositionItem> schema = RecordTableSchema.of(PositionItem.class, Tables.TRADING);

        Map<String, AttributeValue> map = schema.itemToMap(closed, true);

        assertThat(map).doesNotContainKeys("gsi1pk", "gsi1sk", "stopLoss", "takeProfit", "expiresAt");
        assertThat(schema.mapToItem(map)).isEqualTo(closed);
    }

    @Test
    @DisplayName("settings without symbols read back with an empty list, and missing attributes as null")
    void missingAttributesReadAsNull() {
        SettingsItem sparse = new SettingsItem("USER#u1", "SETTINGS", new BigDecimal("2"), 3, new BigDecimal("500"),
                List.of(), null, null, false, false, null, null, null, T0, 1L);
        TableSchema<SettingsItem> schema = RecordTableSchema.of(SettingsItem.class, Tables.TRADING);

        SettingsItem back = schema.mapToItem(schema.itemToMap(sparse, true));

        assertThat(back).isEqualTo(sparse);
        assertThat(back.stopLossPct()).isNull();
    }

    @Test
    @DisplayName("a record with a primitive component is refused: an absent attribute must be able to be null")
    void primitiveComponentRefused() {
        assertThatThrownBy(() -> RecordTableSchema.of(WithPrimitive.class, Tables.TRADING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count")
                .hasMessageContaining("use boxed types");
    }

    @Test
    @DisplayName("a record that isn't public is refused when its schema is built, not on first read")
    void nonPublicRecordRefused() {
        assertThatThrownBy(() -> RecordTableSchema.of(NotPublic.class, Tables.TRADING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be public");
    }

    private static List<String> secondaryIndexes(TableMetadata metadata) {
        return metadata.indices().stream().map(IndexMetadata::name)
                .filter(name -> !name.equals(TableMetadata.primaryIndexName())).toList();
    }
}
