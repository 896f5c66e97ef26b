package com.nija.cdk.network;

import com.nija.cdk.config.Names;
import com.nija.cdk.config.Stage;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
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
 * (brokers, SQS, Secrets Manager are reached through NAT; DynamoDB through a free gateway endpoint) and isolated
 * subnets for the cache, which needs no route out at all.
 */
public final class Network extends Construct {
    private final Vpc vpc;
    private final SecurityGroup functions;

    public Network(Construct scope, String id, Stage stage, Names names) {
        super(scope, id);
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(stage.logRetention())
                .removalPolicy(stage.removalPolicy())
                .build();
        vpc = Vpc.Builder.create(this, "Vpc")
                .vpcName(names.of("vpc"))
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(stage.maxAzs())
                // One NAT per AZ in prod so an AZ outage does not cut the others off from brokers.
                .natGateways(stage.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("functions").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(20).build(),
                        SubnetConfiguration.builder().name("cache").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .gatewayEndpoints(Map.of("DynamoDb", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB).build()))
                .flowLogs(Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.ALL).build()))
                .build();
        functions = SecurityGroup.Builder.create(this, "FunctionsSg")
                .vpc(vpc)
                .description("NIJA functions: no inbound; outbound to the cache, AWS APIs and brokers")
                .allowAllOutbound(true)
                .build();
    }

    public Vpc vpc() {
        return vpc;
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
