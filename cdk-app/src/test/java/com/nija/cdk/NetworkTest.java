package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Network: a NAT gateway per AZ in prod, interface endpoints where cheaper than NAT, flow logs of rejects")
class NetworkTest {
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    @Test
    @DisplayName("prod: one NAT gateway in each of its 3 AZs; dev: one")
    void natPerAz() {
        for (RegionalStack s : prod.stacks) {
            if (!s.regionSpec().role().runsEngine()) {
                assertThat(prod.resources(s, "AWS::EC2::NatGateway")).isEmpty();
                continue;
            }
            var nats = prod.properties(s, "AWS::EC2::NatGateway");
            assertThat(nats).hasSize(3);
            assertThat(nats.stream().map(n -> String.valueOf((Object) at(n, "SubnetId", "Ref"))).distinct()).hasSize(3);
        }
        assertThat(dev.resources(dev.stack("us-east-1"), "AWS::EC2::NatGateway")).hasSize(1);
    }

    @Test
    @DisplayName("prod functions reach SQS, Secrets Manager and KMS through private interface endpoints; dev through NAT")
    void interfaceEndpoints() {
        for (RegionalStack s : prod.stacks) {
            var endpoints = prod.properties(s, "AWS::EC2::VPCEndpoint").stream()
                    .filter(e -> "Interface".equals(e.get("VpcEndpointType"))).toList();
            if (!s.regionSpec().role().runsEngine()) {
                assertThat(endpoints).isEmpty();
                continue;
            }
            assertThat(endpoints).hasSize(3).allSatisfy(e -> assertThat(e).containsEntry("PrivateDnsEnabled", true));
            assertThat(endpoints.stream().map(e -> String.valueOf(e.get("ServiceName"))).toList())
                    .anyMatch(n -> n.endsWith(".sqs")).anyMatch(n -> n.endsWith(".secretsmanager"))
                    .anyMatch(n -> n.endsWith(".kms"));
        }
        assertThat(dev.properties(dev.stack("us-east-1"), "AWS::EC2::VPCEndpoint").stream()
                .filter(e -> "Interface".equals(e.get("VpcEndpointType")))).isEmpty();
    }

    @Test
    @DisplayName("VPC flow logs record rejected traffic only")
    void flowLogsRejectsOnly() {
        for (Synth.Result r : List.of(prod, dev)) {
            var logs = r.properties(r.stack("us-east-1"), "AWS::EC2::FlowLog");
            assertThat(logs).hasSize(1);
            assertThat(logs.get(0)).containsEntry("TrafficType", "REJECT");
        }
    }
}
