package com.nija.cdk;

import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.cdk.functions.FunctionProfile.SecretKind;
import com.nija.cdk.functions.WorkerBudget;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.Worker;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Grants only where used, and queue workers whose batch fits their timeout")
class GrantsAndBudgetsTest {
    static final Synth.Result prod = Synth.prod();
    /** The routes that sign or check pagination cursors (PositionsService.closed, TradesService.page, subscribers). */
    static final Set<String> CURSOR_SIGNERS = Set.of("get-positions", "get-trades", "billing-subscribers",
            "list-traders", "get-audit", "get-admin-audit", "list-notification-deliveries");
    static final Set<String> BROKER_KEY_USERS = Set.of("order-executor", "close-position", "test-broker",
            "reconcile-venues", "flatten-trader");
    /**
     * Functions that open secrets sealed in the table (the envelope key wraps their data keys): sources' secrets, and
     * notification channels' for the worker. The APEX scan
     * checks no secret, but its source is looked up through the same registry, which opens the source's secrets.
     */
    static final Set<String> SEALED_SECRET_OPENERS = Set.of("signal-intake", "price-ingest", "apex-scan",
            "notification-worker");

    @Test
    @DisplayName("only the routes that sign cursors get the cursor secret (environment and IAM)")
    void cursorSecretOnlyForSigners() {
        for (RegionalStack s : prod.stacks) {
            for (NamedFunction f : functions(s)) {
                boolean told = FunctionsTest.env(f.resource()).containsKey(SecretKind.CURSOR.envVar());
                assertThat(told).as(s.getStackName() + " " + f.name()).isEqualTo(CURSOR_SIGNERS.contains(f.name()));
                if (CURSOR_SIGNERS.contains(f.name())) {
                    assertThat(IamTest.actionsOf(s, f.name())).contains("secretsmanager:GetSecretValue");
                }
            }
            for (String reader : List.of("get-dashboard", "get-performance", "get-orders", "get-settings")) {
                assertThat(IamTest.actionsOf(s, reader)).as(reader).doesNotContain("secretsmanager:GetSecretValue");
            }
        }
    }

    @Test
    @DisplayName("kms:Decrypt only in the roles of functions that decrypt broker credentials or sealed source secrets, or publish alerts")
    void kmsDecryptOnlyWhereUsed() {
        for (RegionalStack s : prod.stacks) {
            for (NamedFunction f : functions(s)) {
                boolean decrypts = IamTest.actionsOf(s, f.name()).contains("kms:Decrypt");
                // Publishing to the encrypted alert topics needs kms:Decrypt on their key too (SNS encryption at rest).
                assertThat(decrypts).as(s.getStackName() + " " + f.name()).isEqualTo(BROKER_KEY_USERS.contains(f.name())
                        || SEALED_SECRET_OPENERS.contains(f.name()) || com.nija.cdk.ops.Alerting.RAISED_IN.contains(f.name()));
            }
        }
    }

    @Test
    @DisplayName("the executor's batch fits its timeout order by order, and visibility is at least 6 x the timeout")
    void executorBatchFitsItsTimeout() {
        RegionalStack s = prod.stack("us-east-1");
        for (Worker w : RouteTable.WORKERS) {
            int timeout = (Integer) props(FunctionsTest.fn(prod, "us-east-1", w.function())).get("Timeout");
            assertThat(w.queue().visibilityTimeout().toSeconds()).as(w.function()).isGreaterThanOrEqualTo(6L * timeout);
            int batch = WorkerBudget.batchSize(w);
            WorkerBudget.perMessageSeconds(w).ifPresent(per ->
                    assertThat(batch * per).as(w.function() + " batch x per-message").isLessThan(timeout));
        }
        Worker executor = RouteTable.WORKERS.stream().filter(w -> w.function().equals("order-executor")).findFirst()
                .orElseThrow();
        assertThat(WorkerBudget.batchSize(executor)).isEqualTo(1);
        assertThat(prod.properties(s, "AWS::Lambda::EventSourceMapping").stream()
                .map(m -> (Object) m.get("BatchSize")).toList()).contains(1);
    }

    record NamedFunction(String name, java.util.Map<String, Object> resource) {}

    /** HTTP, worker and scheduled functions with a role policy (the authorizer has none beyond logs). */
    static List<NamedFunction> functions(RegionalStack s) {
        return s.functions().stream().filter(f -> f.spec().isHttp() || f.spec().engineOnly())
                .map(f -> new NamedFunction(f.name(), FunctionsTest.fn(prod, s.regionSpec().region(), f.name())))
                .toList();
    }

}
