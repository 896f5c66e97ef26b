package com.nija.local.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.local.demo.DemoSeeder;
import com.nija.local.platform.FunctionRuntime;
import com.nija.local.platform.ProvisionedRuntime;
import com.nija.shared.data.Keys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code drill restore} on dynalite and redis-server holding the demo trader and its fills. */
class RestoreDrillTest {
    @TempDir
    static Path home;
    @TempDir
    Path work;
    static ProvisionedRuntime platform;
    static FunctionRuntime runtime;

    @BeforeAll
    static void start() {
        platform = ProvisionedRuntime.start(home, Map.of());
        runtime = platform.runtime();
        DrillCommand.seedDemo(runtime.context());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @DisplayName("an intact export → wipe → restore round trip reconciles every trader and exits 0")
    void intactRoundTrip() throws IOException {
        Path file = work.resolve("export.jsonl");
        RestoreDrill.Result result = new RestoreDrill(runtime.context()).run(file);

        assertThat(result.mismatches()).isEmpty();
        assertThat(result.traders()).isEqualTo(1);
        assertThat(result.exported()).isEqualTo(result.restored()).isGreaterThan(result.ledgerRows());
        assertThat(result.ledgerRows()).as("the demo trader's positions and trades").isPositive();
        assertThat(Files.readAllLines(file)).hasSize((int) result.exported());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(DrillCommand.report(result, file, print(out), print(new ByteArrayOutputStream()))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 traders", "every trader reconciles to the cent");
    }

    @Test
    @DisplayName("a trade altered by a cent between export and restore fails the drill, naming the trader, trade and field")
    void alteredTradeIsCaught() throws IOException {
        Path file = work.resolve("export.jsonl");
        String[] altered = new String[1];
        RestoreDrill.Result result = new RestoreDrill(runtime.context()).run(file, f -> altered[0] = addACent(f));

        assertThat(result.reconciled()).isFalse();
        assertThat(result.mismatches()).singleElement().asString()
                .startsWith("trader " + DemoSeeder.DEMO_TRADER + ": trade " + altered[0] + " field price");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(DrillCommand.report(result, file, print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(DemoSeeder.DEMO_TRADER, "price");
    }

    @Test
    @DisplayName("an item lost between export and restore fails the drill on the item count and the trader's ledger")
    void lostItemIsCaught() throws IOException {
        Path file = work.resolve("export.jsonl");
        RestoreDrill.Result result = new RestoreDrill(runtime.context()).run(file, RestoreDrillTest::dropFirstTrade);

        assertThat(result.reconciled()).isFalse();
        assertThat(result.mismatches()).anyMatch(m -> m.startsWith("items: "))
                .anyMatch(m -> m.startsWith("trader " + DemoSeeder.DEMO_TRADER + ": trade ") && m.endsWith("missing after restore"));
    }

    /** Adds 0.01 to the price of the export's first trade; returns its trade id. */
    private static String addACent(Path file) {
        return rewriteFirstTrade(file, item -> {
            item.put("price", AttributeValue.fromN(new BigDecimal(item.get("price").n()).add(new BigDecimal("0.01")).toPlainString()));
            return DynamoJson.write(item);
        });
    }

    private static void dropFirstTrade(Path file) {
        rewriteFirstTrade(file, item -> null);
    }

    private static String rewriteFirstTrade(Path file, java.util.function.Function<Map<String, AttributeValue>, String> edit) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            for (int i = 0; i < lines.size(); i++) {
                Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(DynamoJson.read(lines.get(i)));
                if (!item.get("sk").s().startsWith(Keys.TRADE_PREFIX)) continue;
                String replaced = edit.apply(item);
                if (replaced == null) lines.remove(i);
                else lines.set(i, replaced);
                Files.write(file, lines);
                return item.get("tradeId").s();
            }
            throw new AssertionError("the export holds no trade");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
