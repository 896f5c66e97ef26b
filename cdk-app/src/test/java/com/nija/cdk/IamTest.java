package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IAM: least privilege, no wildcard resources except where AWS offers no resource-level permission")
class IamTest {
    /**
     * Actions AWS only authorizes on Resource "*":
     * X-Ray's PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions; Lambda's
     * VPC ENI management (Create/Describe/Delete network interfaces, assign/unassign private IPs, describe subnets)
     * is what AWSLambdaVPCAccessExecutionRole grants on "*", and the Describe calls cannot be scoped.
     */
    static final Set<String> STAR_ALLOWED = Set.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");
    /** The only AWS managed policies: AWS Backup's service role, and CDK's own custom-resource provider. */
    static final Set<String> MANAGED_ALLOWED = Set.of("AWSBackupServiceRolePolicyForBackup",
            "AWSLambdaBasicExecutionRole");

    /** Synthesized once per JVM (see {@link Synth}). */
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    /** Every identity-policy statement in a stack: AWS::IAM::Policy documents and roles' inline policies. */
    static List<Map<String, Object>> statements(Synth.Result r, RegionalStack s) {
        List<Map<String, Object>> out = new ArrayList<>();
        r.properties(s, "AWS::IAM::Policy").forEach(p -> list(at(p, "PolicyDocument", "Statement"))
                .forEach(st -> out.add(cast(st))));
        r.properties(s, "AWS::IAM::Role").forEach(p -> list(p.get("Policies")).forEach(pol ->
                list(at(pol, "PolicyDocument", "Statement")).forEach(st -> out.add(cast(st)))));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    @DisplayName("no statement allows an action on Resource \"*\" unless AWS requires it")
    void noWildcardResources() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                List<Map<String, Object>> statements = statements(r, s);
                assertThat(statements).isNotEmpty();
                for (Map<String, Object> st : statements) {
                    if (list(st.get("Resource")).contains("*")) {
                        assertThat(list(st.get("Action"))).as(s.getStackName() + " " + st)
                                .allMatch(STAR_ALLOWED::contains);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("no statement allows every action of a service")
    void noWildcardActions() {
        for (RegionalStack s : prod.stacks) {
            for (Map<String, Object> st : statements(prod, s)) {
                assertThat(list(st.get("Action"))).as(s.getStackName() + " " + st)
                        .noneMatch(a -> a.equals("*") || String.valueOf(a).endsWith(":*"));
            }
        }
    }

    @Test
    @DisplayName("functions have their own roles with no AWS managed policies; only allow-listed managed policies exist")
    void managedPolicies() {
        for (RegionalStack s : prod.stacks) {
            prod.resources(s, "AWS::IAM::Role").forEach((id, role) -> {
                List<Object> managed = list(props(role).get("ManagedPolicyArns"));
                for (Object arn : managed) {
                    String text = String.valueOf(arn);
                    assertThat(MANAGED_ALLOWED.stream().anyMatch(text::contains)).as(id + " " + text).isTrue();
                }
            });
            prod.resources(s, "AWS::Lambda::Function").forEach((id, fn) -> {
                if (!"java21".equals(props(fn).get("Runtime"))) return;
                String roleId = (String) ((List<?>) at(fn, "Properties", "Role", "Fn::GetAtt")).get(0);
                assertThat(list(at(prod.resources(s, "AWS::IAM::Role").get(roleId), "Properties",
                        "ManagedPolicyArns"))).as(id).isEmpty();
            });
        }
    }

    @Test
    @DisplayName("read-only routes get no write actions on the table; workers and writers do")
    void tableGrantsFollowTheMethod() {
        RegionalStack s = prod.stack("us-east-1");
        List<String> reader = actionsOf(s, "get-positions");
        assertThat(reader).contains("dynamodb:GetItem", "dynamodb:Query").doesNotContain("dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:DeleteItem");
        assertThat(actionsOf(s, "put-settings")).contains("dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(actionsOf(s, "order-executor")).contains("dynamodb:UpdateItem", "kms:Decrypt",
                "sqs:ReceiveMessage", "sqs:DeleteMessage");
        assertThat(actionsOf(s, "get-positions")).doesNotContain("sqs:SendMessage", "kms:Decrypt");
        assertThat(actionsOf(s, "signal-intake")).contains("sqs:SendMessage", "kms:Decrypt")
                .doesNotContain("kms:GenerateDataKey", "secretsmanager:GetSecretValue");
    }

    @Test
    @DisplayName("the account archive may add its audit record but change nothing; only deletion may delete")
    void leavingGrants() {
        RegionalStack s = prod.stack("us-east-1");
        assertThat(actionsOf(s, "export-account")).contains("dynamodb:Query", "dynamodb:PutItem")
                .doesNotContain("dynamodb:UpdateItem", "dynamodb:DeleteItem", "secretsmanager:GetSecretValue");
        assertThat(actionsOf(s, "delete-account")).contains("dynamodb:DeleteItem", "secretsmanager:GetSecretValue");
    }

    @Test
    @DisplayName("source admin: create and rotate may only make data keys, list/disable/enable touch no key")
    void sourceSecretGrants() {
        RegionalStack s = prod.stack("us-east-1");
        for (String sealing : List.of("create-source", "rotate-source")) {
            assertThat(actionsOf(s, sealing)).as(sealing).contains("kms:GenerateDataKey").doesNotContain("kms:Decrypt");
        }
        for (String plain : List.of("list-sources", "disable-source", "enable-source")) {
            assertThat(actionsOf(s, plain)).as(plain).noneMatch(a -> a.startsWith("kms:"));
        }
        assertThat(actionsOf(s, "price-ingest")).contains("kms:Decrypt").doesNotContain("kms:GenerateDataKey");
    }

    /** Actions in the default policy of a function's role, found through its logical id prefix. */
    static List<String> actionsOf(RegionalStack s, String function) {
        String prefix = function.replace("-", "") + "Role";
        List<String> actions = new ArrayList<>();
        prod.resources(s, "AWS::IAM::Policy").forEach((id, p) -> {
            if (id.startsWith(prefix)) {
                list(at(p, "Properties", "PolicyDocument", "Statement")).forEach(st ->
                        list(cast(st).get("Action")).forEach(a -> actions.add(String.valueOf(a))));
            }
        });
        assertThat(actions).as("policy of " + function).isNotEmpty();
        return actions;
    }
}
