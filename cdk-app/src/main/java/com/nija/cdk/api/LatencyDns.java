package com.nija.cdk.api;

import com.nija.cdk.config.AppConfig.DnsConfig;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.HealthCheckType;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.ApiGatewayv2DomainProperties;
import software.constructs.Construct;

/**
 * The blueprint's GeoDNS as Route 53 latency routing: every region serves the same name through a regional custom
 * domain, Route 53 answers with the lowest-latency region whose health check passes, so an unhealthy region fails
 * over to the next-nearest one. The health check calls the region's own {@code /health} every 30 seconds
 * (blueprint: "Check every 30 seconds, failover if unhealthy").
 */
public final class LatencyDns extends Construct {
    /** Blueprint: check every 30 seconds. */
    public static final int CHECK_INTERVAL_SECONDS = 30;
    /** Three failed checks (90 s) mark a region unhealthy; RTO target is 15 minutes. */
    public static final int FAILURE_THRESHOLD = 3;

    private final HealthCheck healthCheck;
    private final ARecord record;

    public LatencyDns(Construct scope, String id, DnsConfig dns, PublicApi api) {
        super(scope, id);
        String region = Stack.of(this).getRegion();
        IHostedZone zone = HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                .hostedZoneId(dns.hostedZoneId()).zoneName(dns.hostedZoneName()).build());
        Certificate certificate = Certificate.Builder.create(this, "Certificate")
                .domainName(dns.domainName())
                .validation(CertificateValidation.fromDns(zone))
                .build();
        DomainName domain = DomainName.Builder.create(this, "Domain")
                .domainName(dns.domainName())
                .certificate(certificate)
                .build();
        ApiMapping.Builder.create(this, "Mapping").api(api.api()).domainName(domain).stage(api.stage()).build();
        // Check the region's own endpoint, not the shared name: the shared name answers from a healthy region.
        healthCheck = HealthCheck.Builder.create(this, "Health")
                .type(HealthCheckType.HTTPS)
                .fqdn(api.api().getApiId() + ".execute-api." + region + ".amazonaws.com")
                .port(443)
                .resourcePath("/health")
                .requestInterval(Duration.seconds(CHECK_INTERVAL_SECONDS))
                .failureThreshold(FAILURE_THRESHOLD)
                .build();
        record = ARecord.Builder.create(this, "Latency")
                .zone(zone)
                .recordName(dns.domainName())
                .target(RecordTarget.fromAlias(new ApiGatewayv2DomainProperties(domain.getRegionalDomainName(),
                        domain.getRegionalHostedZoneId())))
                .region(region)
                .setIdentifier(region)
                .healthCheck(healthCheck)
                .build();
    }

    public HealthCheck healthCheck() {
        return healthCheck;
    }

    public ARecord record() {
        return record;
    }
}
