package com.nija.local.drill;

import com.nija.shared.config.NijaConfig;
import com.nija.shared.data.Keys;
import com.nija.shared.data.Tables;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code drill restore}: proves the trading table's data path end to end — every trader's ledger read through the
 * API's services, the table exported (Scan pages → DynamoDB JSON lines), dropped and re-created from
 * {@link Tables#TRADING}, the export written back, and every ledger read again and reconciled with the first.
 * Run it on a quiet platform: a fill between the snapshot and the export would read as a mismatch.
 */
public final class RestoreDrill {
    /** What the drill did, and every difference it found (empty when the restore reconciles). */
    public record Result(long exported, long restored, int traders, int ledgerRows, long millis, List<String> mismatches) {
        public boolean reconciled() {
            return mismatches.isEmpty() && exported == restored;
        }
    }

    private final ApplicationContext context;

    public RestoreDrill(ApplicationContext context) {
        this.context = context;
    }

    public Result run(Path exportFile) throws IOException {
        return run(exportFile, file -> {});
    }

    /** @param beforeRestore sees the export file between the wipe and the restore (tests alter an item there) */
    Result run(Path exportFile, Consumer<Path> beforeRestore) throws IOException {
        long started = System.nanoTime();
        String table = Tables.configuredName(Tables.TRADING, context.getBean(NijaConfig.class));
        TableCopy copy = new TableCopy(context.getBean(DynamoDbClient.class), table);
        LedgerReader reader = new LedgerReader(context);
        long exported = copy.export(exportFile);
        Map<String, TraderLedger> before = new LinkedHashMap<>();
        for (String trader : traders(exportFile)) before.put(trader, reader.read(trader));
        copy.recreate(Tables.TRADING);
        beforeRestore.accept(exportFile);
        long restored = copy.restore(exportFile);
        List<String> mismatches = new ArrayList<>();
        if (exported != restored) mismatches.add("items: " + exported + " exported, " + restored + " restored");
        int rows = 0;
        for (TraderLedger snapshot : before.values()) {
            mismatches.addAll(snapshot.differences(reader.read(snapshot.userId())));
            rows += snapshot.rows();
        }
        return new Result(exported, restored, before.size(), rows, (System.nanoTime() - started) / 1_000_000, mismatches);
    }

    /** Every trader with a profile in the export, in id order. */
    static List<String> traders(Path exportFile) {
        TreeSet<String> traders = new TreeSet<>();
        try (BufferedReader in = Files.newBufferedReader(exportFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                Map<String, AttributeValue> item = DynamoJson.read(line);
                AttributeValue sk = item.get("sk");
                AttributeValue user = item.get("userId");
                if (sk != null && Keys.PROFILE.equals(sk.s()) && user != null && user.s() != null) traders.add(user.s());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(traders);
    }
}
