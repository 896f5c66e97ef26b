package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.config.AppConfig;
import com.nija.shared.capacity.ExecutorConcurrency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reserved concurrency: a context choice that must fit the account's Lambda limit, checked before deploy")
class ReservationsTest {
    static final Map<String, Object> PROD_TWO_REGIONS = Map.of("stage", "prod", "dashboardOrigins", Synth.ORIGIN,
            "regions", "us-east-1:primary,eu-west-1:api");

    static int reservedSum(Synth.Result r, RegionalStack s) {
        return FunctionsTest.javaFunctions(r, s).values().stream()
                .mapToInt(f -> (Integer) props(f).getOrDefault("ReservedConcurrentExecutions", 0)).sum();
    }

    /**
     * Prod's reservations per engine region: 145 (fan-out 20, price ingest 20, Stripe 10, notification worker 5, 18
     * staff routes × 5) + the executor's, which the capacity model recommends (ExecutorConcurrency: 53 today, so 198;
     * docs/DEPLOY.md).
     */
    static final int PROD_ENGINE_RESERVED = 145 + ExecutorConcurrency.deployedDefault().reservedConcurrency();

    @Test
    @DisplayName("prod reserves 145 + the executor's recommended concurrency per engine region (198), so it needs a limit of 298 there")
    void prodDefaultsNeedReservedPlus100() {
        Synth.Result prod = Synth.prod();
        assertThat(PROD_ENGINE_RESERVED).as("docs/DEPLOY.md and the README say 198").isEqualTo(198);
        assertThat(reservedSum(prod, prod.stack("us-east-1"))).isEqualTo(PROD_ENGINE_RESERVED);
        assertThat(reservedSum(prod, prod.stack("us-west-2"))).isEqualTo(PROD_ENGINE_RESERVED);
        Synth.Result dev = Synth.dev();
        assertThat(reservedSum(dev, dev.stack("us-east-1"))).isZero();
    }

    @Test
    @DisplayName("the context turns reservations off, on, or overrides one function (its event source follows)")
    void contextChoices() {
        Map<String, Object> off = new java.util.HashMap<>(PROD_TWO_REGIONS);
        off.put("reservedConcurrency", "off");
        Synth.Result none = Synth.with(off);
        none.stacks.forEach(s -> assertThat(reservedSum(none, s)).as(s.getStackName()).isZero());

        Map<String, Object> some = new java.util.HashMap<>(PROD_TWO_REGIONS);
        some.put("reservedConcurrency", "order-executor=30,stripe-webhook=none");
        Synth.Result r = Synth.with(some);
        RegionalStack primary = r.stack("us-east-1");
        assertThat(props(FunctionsTest.fn(r, "us-east-1", "order-executor")))
                .containsEntry("ReservedConcurrentExecutions", 30);
        assertThat(props(FunctionsTest.fn(r, "us-east-1", "stripe-webhook")))
                .doesNotContainKey("ReservedConcurrentExecutions");
        assertThat(props(FunctionsTest.fn(r, "us-east-1", "signal-fanout")))
                .containsEntry("ReservedConcurrentExecutions", 20);
        assertThat(r.properties(primary, "AWS::Lambda::EventSourceMapping").stream()
                .map(m -> (Object) at(m, "ScalingConfig", "MaximumConcurrency")).toList())
                .containsExactlyInAnyOrder(30, 20, 5);
    }

    @Test
    @DisplayName("synth refuses reservations that leave fewer than 100 unreserved under lambdaConcurrencyLimit")
    void limitEnforcedAtSynth() {
        AppConfig c = AppConfig.from(Map.<String, Object>of("stage", "prod", "dashboardOrigins", Synth.ORIGIN,
                "lambdaConcurrencyLimit", "200")::get);
        assertThatThrownBy(() -> c.reservations().requireWithinLimit("us-east-1", 140))
                .hasMessageContaining("at least 240").hasMessageContaining("check-lambda-concurrency.sh");
        c.reservations().requireWithinLimit("eu-west-1", 100);
        assertThat(c.reservations().of("order-executor", Optional.of(50))).contains(50);
        assertThatThrownBy(() -> AppConfig.from(Map.<String, Object>of("reservedConcurrency", "order-executor=0")::get))
                .hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> AppConfig.from(Map.<String, Object>of("reservedConcurrency", "lots")::get))
                .hasMessageContaining("function=n");
        assertThat(AppConfig.from(Map.<String, Object>of()::get).reservations().enabled()).isFalse();
    }

    @Test
    @DisplayName("check-lambda-concurrency.sh passes a region whose limit fits and prints the quota request when not")
    void checkScript(@TempDir Path bin) throws Exception {
        Path stub = bin.resolve("aws");
        // A stand-in for the AWS CLI: the account limit and what other functions reserve come from the environment.
        Files.writeString(stub, """
                #!/usr/bin/env bash
                case "$*" in
                  *get-account-settings*) printf '%s\\t%s\\n' "$LIMIT" "$((LIMIT - OTHERS))" ;;
                  *get-function-concurrency*) echo None ;;
                  *get-service-quota*) echo "$LIMIT.0" ;;
                  *) echo "unexpected: $*" >&2; exit 9 ;;
                esac
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        String out = Synth.prod().assembly.getDirectory();

        Run fits = run(bin, out, 1000, 0);
        assertThat(fits.exit).as(fits.output).isZero();
        assertThat(fits.output).contains("ok   us-east-1").contains(PROD_ENGINE_RESERVED + " reserved by NIJA");

        Run tight = run(bin, out, 250, 50);
        assertThat(tight.exit).as(tight.output).isEqualTo(1);
        assertThat(tight.output).contains("FAIL us-east-1").contains("FAIL us-west-2")
                .contains("--quota-code L-B99A9384 --desired-value " + (PROD_ENGINE_RESERVED + 50 + 100));
    }

    record Run(int exit, String output) {}

    static Run run(Path bin, String cdkOut, int limit, int others) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "scripts/check-lambda-concurrency.sh", cdkOut)
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("LIMIT", Integer.toString(limit));
        pb.environment().put("OTHERS", Integer.toString(others));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }
}
