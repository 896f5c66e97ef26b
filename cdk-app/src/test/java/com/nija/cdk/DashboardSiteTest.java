package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nija.cdk.site.DashboardFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The dashboard in AWS: private S3 behind CloudFront, its headers, caches, API path and config.json")
class DashboardSiteTest {
    /** AWS's managed policies, by their documented ids. */
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    static final int YEAR = 365 * 24 * 3600;

    private static RegionalStack primary() {
        return Synth.prod().stacks.get(0);
    }

    private static Map<String, Object> distribution() {
        List<Map<String, Object>> all = Synth.prod().properties(primary(), "AWS::CloudFront::Distribution");
        assertThat(all).hasSize(1);
        return at(all.get(0), "DistributionConfig");
    }

    private static Map<String, Object> behaviour(String pattern) {
        return list(distribution().get("CacheBehaviors")).stream().map(b -> Synth.<Map<String, Object>>at(b))
                .filter(b -> pattern.equals(b.get("PathPattern"))).findFirst().orElseThrow();
    }

    private static Map<String, Map<String, Object>> resources(String type) {
        return Synth.prod().resources(primary(), type);
    }

    private static String logicalId(String type, String prefix) {
        return resources(type).keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** A CloudFormation value as text: strings kept, Ref/GetAtt written as {Ref:X} so tests can look for them. */
    @SuppressWarnings("unchecked")
    static String text(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Map<?, ?> m && m.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) m.get("Fn::Join");
            return String.join((String) join.get(0), list(join.get(1)).stream().map(DashboardSiteTest::text).toList());
        }
        if (v instanceof Map<?, ?> m && m.containsKey("Ref")) return "{Ref:" + m.get("Ref") + "}";
        if (v instanceof Map<?, ?> m && m.containsKey("Fn::GetAtt")) return "{GetAtt:" + list(m.get("Fn::GetAtt")) + "}";
        return String.valueOf(v);
    }

    @Test
    @DisplayName("the files bucket blocks all public access, is encrypted, denies plain HTTP and is no website")
    void privateBucket() {
        String id = logicalId("AWS::S3::Bucket", "SiteFiles");
        Map<String, Object> bucket = Synth.props(resources("AWS::S3::Bucket").get(id));
        assertThat(Synth.<Map<String, Object>>at(bucket, "PublicAccessBlockConfiguration")).containsOnly(
                Map.entry("BlockPublicAcls", true), Map.entry("BlockPublicPolicy", true),
                Map.entry("IgnorePublicAcls", true), Map.entry("RestrictPublicBuckets", true));
        assertThat(text(at(bucket, "BucketEncryption"))).contains("AES256");
        assertThat(bucket).doesNotContainKey("WebsiteConfiguration");
        assertThat(text(at(bucket, "LoggingConfiguration", "DestinationBucketName"))).contains("SiteAccessLogs");

        List<Object> statements = resources("AWS::S3::BucketPolicy").values().stream().map(Synth::props)
                .filter(p -> id.equals(at(p, "Bucket", "Ref")))
                .flatMap(p -> list(at(p, "PolicyDocument", "Statement")).stream()).toList();
        assertThat(statements).anySatisfy(s -> {
            assertThat((String) at(s, "Effect")).isEqualTo("Deny");
            assertThat((String) at(s, "Condition", "Bool", "aws:SecureTransport")).isEqualTo("false");
        });
        // Origin access control: only this distribution, signing as CloudFront, may read objects.
        assertThat(statements).anySatisfy(s -> {
            assertThat((String) at(s, "Effect")).isEqualTo("Allow");
            assertThat((String) at(s, "Principal", "Service")).isEqualTo("cloudfront.amazonaws.com");
            assertThat(text(at(s, "Condition", "StringEquals", "AWS:SourceArn"))).contains("SiteCdn");
        });
        assertThat(statements).filteredOn(s -> "Allow".equals(at(s, "Effect")))
                .noneSatisfy(s -> assertThat(text(at(s, "Principal"))).contains("*"));
    }

    @Test
    @DisplayName("the S3 origin is reached through origin access control, not a public URL")
    void originAccessControl() {
        assertThat(resources("AWS::CloudFront::OriginAccessControl")).hasSize(1);
        Map<String, Object> oac = Synth.props(resources("AWS::CloudFront::OriginAccessControl").values().iterator().next());
        assertThat((String) at(oac, "OriginAccessControlConfig", "SigningBehavior")).isEqualTo("always");
        List<Object> origins = list(distribution().get("Origins"));
        assertThat(origins).filteredOn(o -> at(o, "S3OriginConfig") != null).singleElement()
                .satisfies(o -> assertThat((Object) at(o, "OriginAccessControlId")).isNotNull());
    }

    @Test
    @DisplayName("viewers are sent to HTTPS, / serves index.html, which (with config.json) is never cached")
    void defaultBehaviour() {
        Map<String, Object> d = distribution();
        assertThat(d.get("DefaultRootObject")).isEqualTo("index.html");
        assertThat((String) at(d, "DefaultCacheBehavior", "ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
        assertThat((String) at(d, "DefaultCacheBehavior", "CachePolicyId")).isEqualTo(CACHING_DISABLED);
        assertThat(list(d.get("CacheBehaviors"))).allSatisfy(b ->
                assertThat((String) at(b, "ViewerProtocolPolicy")).isIn("redirect-to-https", "https-only"));
    }

    @Test
    @DisplayName("/assets/* (content-hashed) is cached for a year at the edge and in browsers")
    void assetsCachedAYear() {
        Map<String, Object> assets = behaviour("/assets/*");
        String policyId = at(assets, "CachePolicyId", "Ref");
        Map<String, Object> policy = at(Synth.props(resources("AWS::CloudFront::CachePolicy").get(policyId)),
                "CachePolicyConfig");
        assertThat(policy).contains(Map.entry("MinTTL", YEAR), Map.entry("DefaultTTL", YEAR), Map.entry("MaxTTL", YEAR));
        assertThat((Object) at(assets, "Compress")).isEqualTo(true);
        Map<String, Object> upload = deployment(true);
        assertThat(text(at(upload, "SystemMetadata", "cache-control"))).isEqualTo("public, max-age=" + YEAR + ", immutable");
    }

    @Test
    @DisplayName("/api/* goes to the HTTP API uncached, with every method, header but Host, and query string")
    void apiOnTheSameDomain() {
        Map<String, Object> api = behaviour("/api/*");
        assertThat((String) at(api, "CachePolicyId")).isEqualTo(CACHING_DISABLED);
        assertThat((String) at(api, "OriginRequestPolicyId")).isEqualTo(ALL_VIEWER_EXCEPT_HOST);
        assertThat(list(at(api, "AllowedMethods"))).contains("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");
        String originId = at(api, "TargetOriginId");
        Object origin = list(distribution().get("Origins")).stream().filter(o -> originId.equals(at(o, "Id")))
                .findFirst().orElseThrow();
        // prod has a latency-routed API domain: the dashboard follows it to the healthy region.
        assertThat((String) at(origin, "DomainName")).isEqualTo(Synth.DOMAIN);
        assertThat((String) at(origin, "CustomOriginConfig", "OriginProtocolPolicy")).isEqualTo("https-only");
        assertThat(list(at(origin, "CustomOriginConfig", "OriginSSLProtocols"))).containsExactly("TLSv1.2");
    }

    @Test
    @DisplayName("POST /auth/token, /auth/refresh and /auth/sign-out go to the HTTP API uncached, with the refresh "
            + "cookie and Content-Type only; no other /auth path leaves S3")
    void signInRoutesOnTheSameDomain() {
        List<Map<String, Object>> behaviours = list(distribution().get("CacheBehaviors")).stream()
                .map(b -> Synth.<Map<String, Object>>at(b)).toList();
        assertThat(behaviours).extracting(b -> (String) b.get("PathPattern")).filteredOn(p -> p.startsWith("/auth"))
                .containsExactlyInAnyOrder("/auth/token", "/auth/refresh", "/auth/sign-out");
        String apiOrigin = at(behaviour("/api/*"), "TargetOriginId");
        String policyId = logicalId("AWS::CloudFront::OriginRequestPolicy", "SiteSignInRequests");
        for (String path : List.of("/auth/token", "/auth/refresh", "/auth/sign-out")) {
            Map<String, Object> b = behaviour(path);
            assertThat((String) b.get("TargetOriginId")).as(path).isEqualTo(apiOrigin);
            assertThat(list(b.get("AllowedMethods"))).as(path).contains("POST");
            assertThat((String) b.get("CachePolicyId")).as(path).isEqualTo(CACHING_DISABLED);
            assertThat((String) at(b, "OriginRequestPolicyId", "Ref")).as(path).isEqualTo(policyId);
            assertThat((String) b.get("ViewerProtocolPolicy")).as(path).isEqualTo("https-only");
            assertThat(b).as(path).doesNotContainKey("FunctionAssociations");
        }
        Map<String, Object> forwarded = at(Synth.props(resources("AWS::CloudFront::OriginRequestPolicy").get(policyId)),
                "OriginRequestPolicyConfig");
        assertThat((String) at(forwarded, "CookiesConfig", "CookieBehavior")).isEqualTo("whitelist");
        assertThat(list(at(forwarded, "CookiesConfig", "Cookies"))).containsExactly("nija_refresh");
        assertThat((String) at(forwarded, "HeadersConfig", "HeaderBehavior")).isEqualTo("whitelist");
        assertThat(list(at(forwarded, "HeadersConfig", "Headers"))).containsExactly("Content-Type");
        assertThat((String) at(forwarded, "QueryStringsConfig", "QueryStringBehavior")).isEqualTo("none");
        // Cognito redirects the browser to /auth/callback: the default (S3 + SPA fallback) behaviour serves it.
        for (String spaPath : List.of("/auth/callback", "/auth", "/auth/")) {
            assertThat(behaviours).as(spaPath)
                    .noneSatisfy(b -> assertThat(spaPath).matches(glob((String) b.get("PathPattern"))));
        }
    }

    /** A CloudFront path pattern as a regex: {@code *} any characters, {@code ?} one. */
    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    @Test
    @DisplayName("deep links serve index.html through a viewer-request function; API 403/404s are never rewritten")
    void spaFallback() throws Exception {
        Map<String, Object> d = distribution();
        // Custom error responses would apply to /api/* too and hide its problem+json 403s and 404s.
        assertThat(d).doesNotContainKey("CustomErrorResponses");
        assertThat(list(at(d, "DefaultCacheBehavior", "FunctionAssociations"))).singleElement()
                .satisfies(a -> assertThat((String) at(a, "EventType")).isEqualTo("viewer-request"));
        assertThat(behaviour("/api/*")).doesNotContainKey("FunctionAssociations");
        assertThat(behaviour("/auth/token")).doesNotContainKey("FunctionAssociations");
        assertThat(behaviour("/assets/*")).doesNotContainKey("FunctionAssociations");

        Map<String, Object> fn = Synth.props(resources("AWS::CloudFront::Function").values().iterator().next());
        assertThat((String) at(fn, "FunctionConfig", "Runtime")).isEqualTo("cloudfront-js-2.0");
        assertThat(runViewerRequest((String) fn.get("FunctionCode"),
                List.of("/", "/trades", "/settings/risk", "/auth/callback", "/config.json", "/assets/index-D_mI.js",
                        "/favicon.ico", "/docs/api", "/docs/api/", "/docs/api/index.html")))
                .containsExactly("/index.html", "/index.html", "/index.html", "/index.html", "/config.json",
                        "/assets/index-D_mI.js", "/favicon.ico", "/docs/api/index.html", "/docs/api/index.html",
                        "/docs/api/index.html");
    }

    /** Runs the CloudFront Function's code under node (what jsii already needs) for each URI; returns the new URIs. */
    private static List<String> runViewerRequest(String code, List<String> uris) throws Exception {
        String script = code + "\nfor (const uri of process.argv.slice(1)) console.log(handler({request: {uri}}).uri);";
        List<String> cmd = new ArrayList<>(List.of("node", "-e", script));
        cmd.addAll(uris);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    /** The response headers policy of that logical-id prefix, and its security headers. */
    private static Map<String, Object> securityHeaders(String policyId) {
        return at(Synth.props(resources("AWS::CloudFront::ResponseHeadersPolicy").get(policyId)),
                "ResponseHeadersPolicyConfig", "SecurityHeadersConfig");
    }

    @Test
    @DisplayName("every response carries a CSP without inline script, HSTS, no framing, nosniff and no referrer")
    void securityHeaders() {
        assertThat(resources("AWS::CloudFront::ResponseHeadersPolicy")).hasSize(2);
        String policyId = logicalId("AWS::CloudFront::ResponseHeadersPolicy", "SiteHeaders");
        Map<String, Object> sec = securityHeaders(policyId);
        String csp = text(at(sec, "ContentSecurityPolicy", "ContentSecurityPolicy"));
        assertThat(csp).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        // The live WebSocket is the one origin beyond 'self' the page may connect to.
        assertThat(csp).containsPattern("connect-src 'self' wss://\\{Ref:LiveApi[0-9A-F]+}\\.execute-api\\.us-east-1\\.");
        assertThat((Integer) at(sec, "StrictTransportSecurity", "AccessControlMaxAgeSec")).isGreaterThanOrEqualTo(YEAR);
        assertThat((String) at(sec, "FrameOptions", "FrameOption")).isEqualTo("DENY");
        assertThat((Object) at(sec, "ContentTypeOptions", "Override")).isEqualTo(true);
        assertThat((String) at(sec, "ReferrerPolicy", "ReferrerPolicy")).isEqualTo("no-referrer");

        Map<String, Object> d = distribution();
        assertThat((String) at(d, "DefaultCacheBehavior", "ResponseHeadersPolicyId", "Ref")).isEqualTo(policyId);
        assertThat(list(d.get("CacheBehaviors"))).filteredOn(b -> !"/docs/api*".equals(at(b, "PathPattern")))
                .allSatisfy(b -> assertThat((String) at(b, "ResponseHeadersPolicyId", "Ref")).isEqualTo(policyId));
    }

    @Test
    @DisplayName("the API reference page comes from S3 uncached, with the site's headers but inline styles allowed")
    void referencePage() {
        Map<String, Object> reference = behaviour("/docs/api*");
        String policyId = logicalId("AWS::CloudFront::ResponseHeadersPolicy", "SiteReferenceHeaders");
        assertThat((String) at(reference, "ResponseHeadersPolicyId", "Ref")).isEqualTo(policyId);
        assertThat((String) at(reference, "CachePolicyId")).isEqualTo(CACHING_DISABLED);
        assertThat((String) at(reference, "TargetOriginId")).isEqualTo(at(distribution(), "DefaultCacheBehavior",
                "TargetOriginId"));
        assertThat(list(at(reference, "FunctionAssociations"))).singleElement()
                .satisfies(a -> assertThat((String) at(a, "EventType")).isEqualTo("viewer-request"));
        Map<String, Object> sec = securityHeaders(policyId);
        assertThat(text(at(sec, "ContentSecurityPolicy", "ContentSecurityPolicy")))
                .contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "connect-src 'self';",
                        "frame-ancestors 'none'").doesNotContain("unsafe-eval", "wss://");
        assertThat((String) at(sec, "FrameOptions", "FrameOption")).isEqualTo("DENY");
    }

    /** The logical id of the upload of the assets ({@code immutable}) or of the shell (index.html + config.json). */
    private static String deploymentId(boolean assets) {
        return resources("Custom::CDKBucketDeployment").entrySet().stream()
                .filter(e -> assets == "assets/".equals(Synth.props(e.getValue()).get("DestinationBucketKeyPrefix")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static Map<String, Object> deployment(boolean assets) {
        return Synth.props(resources("Custom::CDKBucketDeployment").get(deploymentId(assets)));
    }

    @Test
    @DisplayName("assets upload first and are never pruned; the shell follows, uncached, and prunes the rest")
    void deployments() {
        assertThat(resources("Custom::CDKBucketDeployment")).hasSize(2);
        Map<String, Object> assets = deployment(true);
        Map<String, Object> shell = deployment(false);
        assertThat(text(assets.get("Prune"))).isEqualTo("false");
        assertThat(text(shell.get("Prune"))).isEqualTo("true");
        assertThat(list(shell.get("Exclude"))).containsExactly("assets/*");
        assertThat(text(at(shell, "SystemMetadata", "cache-control"))).isEqualTo("no-cache");
        assertThat(list(resources("Custom::CDKBucketDeployment").get(deploymentId(false)).get("DependsOn")))
                .contains(deploymentId(true));
        assertThat(text(assets.get("DestinationBucketName"))).contains("SiteFiles");
        assertThat(text(shell.get("DestinationBucketName"))).contains("SiteFiles");
    }

    @Test
    @DisplayName("config.json holds exactly what the dashboard reads: Cognito's hosted sign-in domain, the public "
            + "client id and the WebSocket (the keys of the dashboard's own test fixture)")
    @SuppressWarnings("unchecked")
    void configJson() throws IOException {
        Map<String, Object> shell = deployment(false);
        Path out = Path.of(Synth.prod().assembly.getDirectory());
        Path file;
        try (Stream<Path> files = Files.walk(out)) {
            file = files.filter(p -> p.getFileName().toString().equals("config.json")).findFirst().orElseThrow();
        }
        String raw = Files.readString(file);
        // The deployment swaps each marker for its resolved value.
        Map<String, Object> markers = (Map<String, Object>) list(shell.get("SourceMarkers")).stream()
                .filter(m -> m instanceof Map<?, ?> mm && !mm.isEmpty()).findFirst().orElseThrow();
        for (Map.Entry<String, Object> e : markers.entrySet()) raw = raw.replace(e.getKey(), text(e.getValue()));
        Map<String, Object> config = new ObjectMapper().readValue(raw, Map.class);

        // dashboard/test/unit/hosted.test.js signs in and out with this fixture.
        Map<String, Object> fixture = new ObjectMapper().readValue(
                Path.of("../dashboard/test/fixtures/config.aws.json").toFile(), Map.class);
        assertThat(config).containsOnlyKeys(fixture.keySet());
        assertThat(config.get("signIn")).isEqualTo(fixture.get("signIn")).isEqualTo("cognito");
        // The hosted UI's base URL, no path: the app appends /oauth2/authorize and /logout.
        assertThat((String) config.get("domain"))
                .matches("https://\\{Ref:UsersPoolSignInDomain[0-9A-F]+}\\.auth\\.us-east-1\\.amazoncognito\\.com");
        assertThat((String) fixture.get("domain")).matches("https://[a-z0-9-]+\\.auth\\.us-east-1\\.amazoncognito\\.com");
        assertThat((String) config.get("clientId")).matches("\\{Ref:UsersDashboardClient[0-9A-F]+}");
        assertThat((String) config.get("wsUrl")).startsWith("wss://{Ref:LiveApi").endsWith("/live");
        assertThat((String) fixture.get("wsUrl")).startsWith("wss://").endsWith("/live");
        assertThat(raw).doesNotContainIgnoringCase("secret");
    }

    @Test
    @DisplayName("the hosted sign-in may redirect back to the distribution's domain")
    void cognitoCallbackToTheDistribution() {
        Map<String, Object> client = Synth.props(resources("AWS::Cognito::UserPoolClient").values().iterator().next());
        String cdn = logicalId("AWS::CloudFront::Distribution", "SiteCdn");
        assertThat(list(client.get("CallbackURLs")).stream().map(DashboardSiteTest::text))
                .contains("https://{GetAtt:[" + cdn + ", DomainName]}/auth/callback", Synth.ORIGIN + "/auth/callback");
        assertThat(list(client.get("LogoutURLs")).stream().map(DashboardSiteTest::text))
                .contains("https://{GetAtt:[" + cdn + ", DomainName]}/");
    }

    @Test
    @DisplayName("one dashboard, in the primary region, with its URL, bucket and distribution as outputs")
    void onlyInThePrimary() {
        Synth.Result r = Synth.prod();
        for (RegionalStack s : r.stacks.subList(1, r.stacks.size())) {
            assertThat(r.resources(s, "AWS::CloudFront::Distribution")).isEmpty();
        }
        Map<String, Object> outputs = at(r.json(primary()), "Outputs");
        assertThat(outputs).containsKeys("DashboardUrl", "DashboardBucketName", "DashboardDistributionId");
        // Dev has no API domain: /api/* goes to the regional endpoint of this stack's HTTP API.
        RegionalStack dev = Synth.dev().stacks.get(0);
        Map<String, Object> devDist = at(Synth.dev().properties(dev, "AWS::CloudFront::Distribution").get(0),
                "DistributionConfig");
        assertThat(list(devDist.get("Origins")).stream().map(o -> text(at(o, "DomainName"))))
                .anySatisfy(domain -> assertThat(domain).matches("\\{Ref:HttpApi[0-9A-F]+}\\.execute-api\\.us-east-1\\..+"));
    }

    @Test
    @DisplayName("the hosting lives in nested stacks of its own: the region's template only points at them")
    void ownNestedStacks() {
        Map<String, StackTemplates.One> byPath = new java.util.LinkedHashMap<>();
        Synth.prod().templates(primary()).all().forEach(t -> byPath.put(t.path(), t));
        String root = primary().getStackName();
        // The exports' bucket (construct "Exports") lives in the root stack beside the functions; the site's are nested.
        java.util.function.BiFunction<String, String, Long> count = (path, type) -> byPath.get(path).resources()
                .entrySet().stream().filter(r -> type.equals(at(r.getValue(), "Type")))
                .filter(r -> !r.getKey().startsWith("Exports")).count();
        for (String type : List.of("AWS::CloudFront::Distribution", "AWS::S3::Bucket", "Custom::CDKBucketDeployment")) {
            assertThat(count.apply(root, type)).as(type + " in " + root).isZero();
        }
        assertThat(count.apply(root + "/Hosting", "AWS::CloudFront::Distribution")).isEqualTo(1);
        assertThat(count.apply(root + "/Hosting", "Custom::CDKBucketDeployment")).isZero();
        assertThat(count.apply(root + "/HostingUploads", "Custom::CDKBucketDeployment")).isEqualTo(2);
    }

    @Test
    @DisplayName("CloudFront's 5xx rate pages on-call above 5 % and warns above 1 %, in prod; dev has no alarms")
    void alarms() {
        var alarms = OpsTest.alarms(Synth.prod(), primary());
        String cdn = logicalId("AWS::CloudFront::Distribution", "SiteCdn");
        for (var e : Map.of("Dashboard5xxRateCritical", 5, "Dashboard5xxRateWarning", 1).entrySet()) {
            Map<String, Object> alarm = alarms.get(e.getKey());
            assertThat(alarm).as(e.getKey()).containsEntry("Threshold", e.getValue())
                    .containsEntry("Namespace", "AWS/CloudFront").containsEntry("MetricName", "5xxErrorRate")
                    .containsEntry("ComparisonOperator", "GreaterThanThreshold");
            assertThat(list(alarm.get("Dimensions")))
                    .anySatisfy(d -> assertThat(List.of(at(d, "Name"), at(d, "Value", "Ref")))
                            .containsExactly("DistributionId", cdn))
                    .anySatisfy(d -> assertThat(List.of(at(d, "Name"), at(d, "Value")))
                            .containsExactly("Region", "Global"));
        }
        assertThat(OpsTest.topicOf(alarms.get("Dashboard5xxRateCritical"))).startsWith("AlarmsCritical");
        assertThat(OpsTest.topicOf(alarms.get("Dashboard5xxRateWarning"))).startsWith("AlarmsWarning");
        assertThat(Synth.dev().resources(Synth.dev().stacks.get(0), "AWS::CloudWatch::Alarm")).isEmpty();
    }

    @Test
    @DisplayName("synth refuses a dashboard build whose index.html loads an asset that is missing")
    void staleBuildRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("index.html"),
                "<script type=\"module\" src=\"/assets/index-abc.js\"></script>");
        String previous = System.getProperty(DashboardFiles.PROPERTY);
        System.setProperty(DashboardFiles.PROPERTY, dir.toString());
        try {
            assertThatThrownBy(DashboardFiles::locate).hasMessageContaining("/assets/index-abc.js");
            Files.writeString(dir.resolve("assets/index-abc.js"), "export {}");
            assertThat(DashboardFiles.locate()).isEqualTo(dir.toAbsolutePath().normalize());
        } finally {
            if (previous == null) System.clearProperty(DashboardFiles.PROPERTY);
            else System.setProperty(DashboardFiles.PROPERTY, previous);
        }
    }
}
