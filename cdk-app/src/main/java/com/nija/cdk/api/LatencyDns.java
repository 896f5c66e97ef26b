package com.nija.cdk.api;

import com.nija.cdk.config.AppConfig.DnsConfig;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.AlarmIdentifier;
import software.amazon.awscdk.services.route53.InsufficientDataHealthStatusEnum;
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
 * over to the next-nearest one. A region's health is a CloudWatch alarm on its own API's server errors, which
 * nobody outside can starve (a probe of the public {@code /health} could be flooded into 429s).
 */
public final class LatencyDns extends Construct {
    /** Server errors a minute that count as an unhealthy minute. */
    public static final int UNHEALTHY_5XX_PER_MINUTE = 50;
    /** Three unhealthy minutes in a row fail the region over (blueprint: RTO 15 minutes). */
    public static final int UNHEALTHY_MINUTES = 3;

    private final Alarm unhealthy;
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
        // Health from the region's own metrics, not from probing /health: anyone can flood a public /health into
        // 429s (its route throttle) and a probing check would then drop a healthy region from DNS. Server errors
        // cannot be caused from outside that way (throttled requests are 4xx). Route 53 accepts only single-metric
        // alarms with a standard statistic, so the alarm counts 5xx rather than a ratio.
        unhealthy = Alarm.Builder.create(this, "RegionUnhealthy")
                .alarmDescription("NIJA API in " + region + " answers " + UNHEALTHY_5XX_PER_MINUTE + "+ server errors a "
                        + "minute for " + UNHEALTHY_MINUTES + " minutes: Route 53 stops sending traders here")
                .metric(api.api().metricServerError(MetricOptions.builder().statistic("Sum")
                        .period(Duration.minutes(1)).build()))
                .threshold(UNHEALTHY_5XX_PER_MINUTE)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(UNHEALTHY_MINUTES)
                .datapointsToAlarm(UNHEALTHY_MINUTES)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        healthCheck = HealthCheck.Builder.create(this, "Health")
                .type(HealthCheckType.CLOUDWATCH_METRIC)
                .alarmIdentifier(AlarmIdentifier.builder().name(unhealthy.getAlarmName()).region(region).build())
                // No data (a quiet region, a CloudWatch hiccup) keeps the last verdict rather than failing over.
                .insufficientDataHealthStatus(InsufficientDataHealthStatusEnum.LAST_KNOWN_STATUS)
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

    public Alarm unhealthyAlarm() {
        return unhealthy;
    }

    public HealthCheck healthCheck() {
        return healthCheck;
    }

    public ARecord record() {
        return record;
    }
}
