package com.nija.local.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.local.Arguments;
import com.nija.shared.capacity.CapacityModel;
import com.nija.shared.capacity.CostModel;
import com.nija.shared.capacity.Deployment;
import com.nija.shared.capacity.ExecutorConcurrency;
import com.nija.shared.capacity.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityCommandsTest {
    private static String run(boolean cost, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Arguments a = new Arguments(List.of(args));
        int code = cost ? CostCommand.run(a, out) : CapacityCommand.run(a, out);
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "capacity --traders {0} --followers-per-signal {1} recommends what the model does")
    @CsvSource({"10000, 1000", "10000, 500", "1000, 100"})
    void capacityPrintsTheModelsRecommendation(int traders, int followers) {
        int expected = CapacityModel.standard().project(Workload.defaults(traders).withFollowers(followers))
                .recommendedConcurrency().orElseThrow();

        String out = run(false, "--traders", "" + traders, "--followers-per-signal", "" + followers);

        assertThat(out).contains("recommended: executor event-source maximum concurrency " + expected
                + ", reserved concurrency " + expected + ":");
        assertThat(out).contains("Limits, the one met first at the top").contains("agrees (±25%)");
        int deployed = ExecutorConcurrency.deployedDefault().maxConcurrency();
        assertThat(out).contains("the CDK app's default executor concurrency " + deployed);
        assertThat(out).contains(expected == deployed ? "apply: nothing, the CDK app deploys it by default"
                : "apply: cdk deploy -c executorConcurrency=" + expected);
    }

    @Test
    @DisplayName("capacity says so when no concurrency AWS allows reaches 2 s")
    void capacitySaysWhenOutOfReach() {
        assertThat(run(false, "--traders", "100000", "--followers-per-signal", "100000"))
                .contains("no executor concurrency up to the AWS maximum meets the target");
    }

    @Test
    @DisplayName("cost ends with one line per trader count in the issue's form, from the cost model")
    void costEndsWithOneLinePerTraderCount() {
        String out = run(true, "--traders", "1000,10000");
        CostModel.CostReport at10k = CostModel.standard().price(Deployment.prod(), Workload.defaults(10_000));

        List<String> last = out.lines().filter(l -> l.matches("\\d+ traders: \\$\\d+\\.\\d\\d per trader per month "
                + "\\(\\$[\\d,]+ in total\\)")).toList();
        assertThat(last).hasSize(2);
        assertThat(last.get(1)).isEqualTo(String.format("10000 traders: $%.2f per trader per month ($%,.0f in total)",
                at10k.perTrader(), at10k.total()));
        assertThat(out).contains("blueprint (EC2/RDS), per trader").contains("$0.80");
        assertThat(out.lines().toList().get(out.lines().toList().size() - 1))
                .as("the per-trader lines close the output").isEqualTo(last.get(1));
    }

    @Test
    @DisplayName("cost says plainly when prod misses $0.25 at 10,000 traders, with the lean footprint's figure beside it")
    void costNamesTheLeanFigureWhenProdMissesTheGoal() {
        Workload w = Workload.defaults(10_000);
        CostModel.CostReport prod = CostModel.standard().price(Deployment.prod(), w);
        CostModel.CostReport lean = CostModel.standard().price(Deployment.prodLean(), w);

        String out = run(true, "--traders", "10000");

        assertThat(out).contains("Goal at 10,000 traders: at most $0.25 per trader per month (blueprint $0.80): "
                + (prod.perTrader() <= 0.25 ? "met" : "NOT met"));
        if (prod.perTrader() > 0.25) {
            assertThat(out).contains(String.format("prod-lean (cdk deploy -c lean=true) at 10,000 traders: $%.2f per "
                    + "trader per month ($%,.0f in total)", lean.perTrader(), lean.total()));
        }
    }
}
