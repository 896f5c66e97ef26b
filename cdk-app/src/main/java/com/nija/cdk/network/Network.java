package com.nija.cdk.network;

import com.nija.cdk.config.Footprint;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.ec2.CfnEIP;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.constructs.IConstruct;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The VPC of an engine region: public subnets for the NAT gateways, private subnets with egress for the functions
 * (brokers through NAT, one gateway per AZ in prod; SQS, Secrets Manager and KMS through interface endpoints in prod;
 * context {@code lean}: one NAT gateway and no interface endpoints, {@code Footprint};
 * DynamoDB through a free gateway endpoint) and isolated
 * subnets for the cache, which needs no route out at all.
 */
public final class Network extends Construct {
    private final Vpc vpc;
    private final SecurityGroup functions;

    public Network(Construct scope, String id, Stage stage, Footprint footprint, Names names) {
        super(scope, id);
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(stage.logRetention())
                .removalPolicy(stage.removalPolicy())
                .build();
        vpc = Vpc.Builder.create(this, "Vpc")
                .vpcName(names.of("vpc"))
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(stage.maxAzs())
                // One NAT per AZ in prod so an AZ outage does not cut the others off from brokers (lean: one).
                .natGateways(footprint.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("functions").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(20).build(),
                        SubnetConfiguration.builder().name("cache").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .gatewayEndpoints(Map.of("DynamoDb", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB).build()))
                // Rejected traffic only: what a flow log is for here (a blocked call, a probe), at a fraction of the
                // ingestion cost of logging every accepted flow of every function.
                .flowLogs(Map.of("Rejects", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.REJECT).build()))
                .build();
        functions = SecurityGroup.Builder.create(this, "FunctionsSg")
                .vpc(vpc)
                .description("NIJA functions: no inbound; outbound to the cache, AWS APIs and brokers")
                .allowAllOutbound(true)
                .build();
        if (footprint.interfaceEndpoints()) {
            // Every function in the VPC calls SQS, Secrets Manager and KMS; in prod that traffic costs less through
            // interface endpoints (per AZ-hour + $0.01/GB) than through NAT ($0.045/GB), and keeps working when a
            // NAT gateway does not. Dev's one NAT carries too little to pay for 3 endpoints × 2 AZs.
            for (var e : List.of(Map.entry("Sqs", InterfaceVpcEndpointAwsService.SQS),
                    Map.entry("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER),
                    Map.entry("Kms", InterfaceVpcEndpointAwsService.KMS))) {
                vpc.addInterfaceEndpoint(e.getKey(), InterfaceVpcEndpointOptions.builder()
                        .service(e.getValue())
                        .subnets(functionSubnets())
                        .privateDnsEnabled(true)
                        .build());
            }
        }
    }

    public Vpc vpc() {
        return vpc;
    }

    /**
     * The public addresses of the NAT gateways, comma-separated: every call from the functions to a venue leaves from
     * one of them (the addresses a trader may allow-list on an API key). Empty without NAT gateways.
     */
    public Optional<String> egressIps() {
        List<String> ips = new ArrayList<>();
        for (ISubnet subnet : vpc.getPublicSubnets()) {
            IConstruct eip = subnet.getNode().tryFindChild("EIP");
            if (eip instanceof CfnEIP address) ips.add(address.getAttrPublicIp());
        }
        return ips.isEmpty() ? Optional.empty() : Optional.of(Fn.join(",", ips));
    }

    /** The security group every function in the VPC uses; the cache admits it. */
    public SecurityGroup functionsSecurityGroup() {
        return functions;
    }

    public SubnetSelection functionSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
    }

    public SubnetSelection cacheSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }
}
