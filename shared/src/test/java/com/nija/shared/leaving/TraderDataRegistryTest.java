package com.nija.shared.leaving;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.brokers.BrokerLinkItem;
import com.nija.shared.data.AuditItem;
import com.nija.shared.data.Tables;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraderDataRegistryTest {
    private final TraderDataRegistry registry = new TraderDataRegistry();

    /**
     * Every record of the shared module stored in a table (its components include the table's key attributes), found
     * by walking the module's own classes directory.
     */
    private static List<Class<?>> storedItemTypes() throws Exception {
        Path classes = Path.of(TraderDataRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> items = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, TraderDataRegistryTest.class.getClassLoader());
                if (type.isRecord() && isItem(type)) items.add(type);
            }
            return items;
        }
    }

    private static boolean isItem(Class<?> type) {
        Set<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        return Tables.ALL.stream().anyMatch(t -> names.contains(t.partitionKey()) && names.contains(t.sortKey()));
    }

    @Test
    @DisplayName("every kind of item NIJA stores has exactly one registry entry, so export and deletion miss nothing")
    void everyStoredKindHasAnEntry() throws Exception {
        List<Class<?>> stored = storedItemTypes();
        List<Class<? extends Record>> registered = registry.entries().stream()
                .flatMap(e -> e.itemTypes().stream()).toList();

        assertThat(stored).as("the item records found").contains(AuditItem.class, BrokerLinkItem.class).hasSizeGreaterThan(20);
        assertThat(registered).as("item kinds without an entry in TraderDataRegistry")
                .containsAll(stored.stream().map(t -> t.asSubclass(Record.class)).toList());
        assertThat(registered).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("entries have distinct archive names, and every kind about a trader says where their items are")
    void entriesAreUsable() {
        assertThat(registry.entries()).extracting(TraderData::name).doesNotHaveDuplicates();
        assertThat(registry.aboutTrader()).allSatisfy(kind -> assertThat(kind.source()).as(kind.name()).isNotNull());
        assertThat(registry.aboutTrader()).extracting(TraderData::name)
                .contains("profile", "settings", "broker-connections", "orders", "trades", "positions", "rollups",
                        "billing", "audit");
    }

    @Test
    @DisplayName("sealed broker keys never reach an export; the audit trail's IP addresses and names go on deletion")
    void secretsAndPersonalFields() {
        TraderData brokers = entry("broker-connections");
        assertThat(brokers.hidden()).contains("sealedCredentials");
        assertThat(entry("audit").erasure()).isEqualTo(Erasure.PSEUDONYMISE);
        assertThat(entry("audit").personal()).contains("sourceIp");
        assertThat(entry("profile").erasure()).isEqualTo(Erasure.DELETE);
        assertThat(List.of("orders", "trades", "positions", "billing"))
                .allSatisfy(kept -> assertThat(entry(kept).erasure()).as(kept).isEqualTo(Erasure.PSEUDONYMISE));
    }

    private TraderData entry(String name) {
        return registry.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
