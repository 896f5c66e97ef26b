package com.nija.local.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.config.PlatformClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The backtest command over the demo's candle files: its report, and bad arguments named with exit code 2. */
class BacktestCommandTest {
    private static final String DEMO = Path.of("..", "events", "market").toString();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(BacktestCommand.Request request) {
        return BacktestCommand.run(request, PlatformClock.system(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a backtest of two demo markets over one day prints the performance figures and writes its report")
    void report(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("run");

        int code = run(new BacktestCommand.Request("apex", "BTC-USD,ethusd", "2026-01-06", "2026-01-06", DEMO,
                outDir.toString(), null));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("BTC-USD, ETH-USD", "2026-01-06T00:05:00Z", "2026-01-07T00:00:00Z", "endEquity",
                "winRate", "sharpe", "report: ");
        assertThat(outDir.resolve("report.html")).exists();
        assertThat(Files.readAllLines(outDir.resolve("equity.csv"))).hasSize(288 + 1);
    }

    @Test
    @DisplayName("settings from a file are checked by the settings rules: a 20 % position is refused, naming the field")
    void settingsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"positionSizePct\": 20, \"maxOpenPositions\": 3, \"dailyLossLimit\": 500,"
                + " \"tradingEnabled\": true}");

        int code = run(new BacktestCommand.Request(null, "BTC-USD", null, null, DEMO, dir.resolve("o").toString(),
                file.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--settings: positionSizePct");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--strategy|momo|||||unknown strategy 'momo'",
            "--symbols||DOGE-USD||||no 5m candles for DOGE-USD",
            "--from|||2026-1-5|||must be a date like 2026-01-01",
            "--to|||2026-01-07|2026-01-06||is before --from 2026-01-07",
            "--data||||||is not a directory",
            "--from/--to|||2030-01-01|||no 5m candles of BTC-USD in"})
    void badArguments(String argument, String strategy, String symbols, String from, String to, String unused,
                      String message, @TempDir Path dir) {
        String data = argument.equals("--data") ? dir.resolve("missing").toString() : DEMO;
        String symbolList = symbols == null ? "BTC-USD" : symbols;

        int code = run(new BacktestCommand.Request(strategy, symbolList, from, to, data, dir.resolve("o").toString(),
                null));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(argument + ": ").contains(message);
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
