package com.nija.local.drill;

import com.nija.local.demo.DemoSeeder;
import com.nija.local.platform.ProvisionedRuntime;
import com.nija.shared.data.TradingTables;
import com.nija.shared.market.PriceBook;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.data.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code drill restore [--out FILE]}: runs {@link RestoreDrill} against the platform's DynamoDB — the one
 * {@code NIJA_DYNAMODB_ENDPOINT} names, else a dynalite of its own — after seeding the demo trader if the table is
 * empty. Exit 0 when every trader reconciles, 1 on a mismatch (each printed on stderr), 2 on usage errors.
 */
public final class DrillCommand {
    private DrillCommand() {}

    public static int run(String which, Path out, Path home, PrintStream stdout, PrintStream stderr) throws IOException {
        if (!"restore".equals(which)) {
            stderr.println("drill needs restore");
            return 2;
        }
        try (ProvisionedRuntime platform = ProvisionedRuntime.start(home, Map.of())) {
            ApplicationContext context = platform.runtime().context();
            seedDemo(context);
            Path file = out != null ? out : Files.createTempFile("nija-drill-", ".jsonl");
            return report(new RestoreDrill(context).run(file), file, stdout, stderr);
        }
    }

    /** The demo trader and its fills, into an empty table only: a platform's own data is drilled as it is. */
    static void seedDemo(ApplicationContext context) {
        String table = Tables.configuredName(Tables.TRADING, context.getBean(NijaConfig.class));
        if (context.getBean(DynamoDbClient.class).scan(b -> b.tableName(table).limit(1)).count() > 0) return;
        new DemoSeeder(context.getBean(TradingTables.class), context.getBean(RollupRepository.class),
                context.getBean(PriceBook.class)).seed(DemoSeeder.DEMO_TRADER, context.getBean(Clock.class).instant());
    }

    static int report(RestoreDrill.Result r, Path file, PrintStream stdout, PrintStream stderr) {
        r.mismatches().forEach(stderr::println);
        stdout.printf("drill restore: %d items exported to %s, %d restored; %d traders, %d positions+trades; %d ms; %s%n",
                r.exported(), file, r.restored(), r.traders(), r.ledgerRows(), r.millis(),
                r.reconciled() ? "every trader reconciles to the cent" : r.mismatches().size() + " mismatches");
        return r.reconciled() ? 0 : 1;
    }
}
