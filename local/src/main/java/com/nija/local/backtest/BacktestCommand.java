package com.nija.local.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.backtest.BacktestCandles;
import com.nija.shared.backtest.BacktestReport;
import com.nija.shared.backtest.BacktestResult;
import com.nija.shared.backtest.BacktestTrader;
import com.nija.shared.backtest.Backtester;
import com.nija.shared.json.Json;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleFileException;
import com.nija.shared.marketdata.CandleFiles;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.settings.RiskSettingsValidator;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexStrategy;
import com.nija.shared.trading.Symbols;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code backtest --strategy apex --symbols BTC-USD,ETH-USD --from 2026-01-01 --to 2026-06-30 --data DIR [--out DIR]
 * [--settings FILE]}: checks the arguments (a bad one is named, exit code 2), reads the candle files, runs
 * {@link Backtester} and writes {@link BacktestReport}. Dates are UTC days, both included.
 */
public final class BacktestCommand {
    /** The command's arguments as given (null when absent). */
    public record Request(String strategy, String symbols, String from, String to, String data, String out,
                         String settings) {}

    /** An argument that cannot be used, named in the message. */
    static final class BadArgument extends RuntimeException {
        BadArgument(String argument, String problem) {
            super(argument + ": " + problem);
        }
    }

    private BacktestCommand() {}

    public static int run(Request request, Clock clock, PrintStream out, PrintStream err) {
        try {
            return execute(request, clock, out);
        } catch (BadArgument e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int execute(Request q, Clock clock, PrintStream out) {
        if (q.strategy() != null && !q.strategy().equals("apex")) {
            throw new BadArgument("--strategy", "unknown strategy '" + q.strategy() + "' (known: apex)");
        }
        ApexStrategy apex = new ApexStrategy(ApexParameters.load());
        CandleInterval interval = apex.parameters().candleInterval();
        Path data = Path.of(q.data() == null ? "events/market" : q.data());
        if (!Files.isDirectory(data)) throw new BadArgument("--data", data + " is not a directory");
        List<String> symbols = symbols(q.symbols(), data, interval);
        LocalDate fromDay = date("--from", q.from());
        LocalDate toDay = date("--to", q.to());
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new BadArgument("--to", toDay + " is before --from " + fromDay);
        }
        BacktestTrader trader = BacktestTrader.newTrader(new TierCatalog());
        if (q.settings() != null) trader = trader.withSettings(settings(Path.of(q.settings()), trader));
        Instant from = fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<String, List<Candle>> candles;
        try {
            candles = BacktestCandles.read(data, symbols, interval, from, to, apex.parameters().warmupCandles());
        } catch (CandleFileException | UncheckedIOException e) {
            throw new BadArgument("--data", e.getMessage());
        }
        Instant first = BacktestCandles.firstOpen(candles, from);
        if (first == null) {
            throw new BadArgument(q.from() != null || q.to() != null ? "--from/--to" : "--data",
                    "no " + interval.code() + " candles of " + String.join(", ", symbols) + " in " + data
                            + (fromDay != null ? " from " + fromDay : "") + (toDay != null ? " to " + toDay : ""));
        }
        Instant last = to != null ? to : BacktestCandles.lastClose(candles, interval);
        BacktestResult result = new Backtester(apex, trader).run(candles, from != null ? from : first, last);

        Path outDir = q.out() != null ? Path.of(q.out())
                : Path.of("backtests", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-'));
        BacktestReport.write(result, outDir);
        out.print(BacktestReport.summary(result));
        out.println("report: " + outDir.resolve(BacktestReport.HTML));
        out.println("equity curve: " + outDir.resolve(BacktestReport.EQUITY_CSV) + ", trades: "
                + outDir.resolve(BacktestReport.TRADES_CSV));
        return 0;
    }

    /** The markets asked for, canonical, each with its candle file; without {@code --symbols}, every file there is. */
    private static List<String> symbols(String text, Path data, CandleInterval interval) {
        List<String> symbols = new ArrayList<>();
        if (text == null) {
            String suffix = "-" + interval.code() + ".csv";
            try (Stream<Path> files = Files.list(data)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted()
                        .forEach(n -> symbols.add(n.substring(0, n.length() - suffix.length())));
            } catch (IOException e) {
                throw new BadArgument("--data", data + " cannot be listed: " + e.getMessage());
            }
            if (symbols.isEmpty()) throw new BadArgument("--data", "no *" + suffix + " candle files in " + data);
            return symbols;
        }
        for (String raw : text.split(",")) {
            String symbol = Symbols.normalize(raw.trim())
                    .orElseThrow(() -> new BadArgument("--symbols", "'" + raw.trim() + "' is not a market symbol"));
            Path file = CandleFiles.forSymbol(data, symbol, interval);
            if (!Files.isRegularFile(file)) {
                throw new BadArgument("--symbols", "no " + interval.code() + " candles for " + symbol + " (expected "
                        + file + ")");
            }
            if (!symbols.contains(symbol)) symbols.add(symbol);
        }
        return symbols;
    }

    private static LocalDate date(String argument, String text) {
        if (text == null) return null;
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadArgument(argument, "must be a date like 2026-01-01, got '" + text + "'");
        }
    }

    /** Risk settings in the API's shape ({@code PUT /api/v1/settings}), checked by the same rules against the tier. */
    private static RiskSettings settings(Path file, BacktestTrader trader) {
        try {
            RiskSettings given = Json.MAPPER.readValue(Files.readString(file), RiskSettings.class);
            return RiskSettingsValidator.validate(given, trader.tier());
        } catch (JsonProcessingException e) {
            throw new BadArgument("--settings", file + " is not risk settings JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadArgument("--settings", file + " is not readable");
        } catch (InvalidInputException e) {
            throw new BadArgument("--settings", e.violations().stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
        }
    }
}
