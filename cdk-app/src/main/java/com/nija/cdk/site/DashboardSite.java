package com.nija.cdk.site;

import com.nija.cdk.Nag;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.Stage;
import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.shared.signin.RefreshCookie;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.CachedMethods;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.IOriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestCookieBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeader;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The trader dashboard in AWS: the built SPA in a private S3 bucket, served only through CloudFront (origin access
 * control), HTTPS only, with the same security headers the local gateway sends (local {@code SiteHeaders}).
 *
 * <p>The HTTP API is reached through the same CloudFront domain ({@code /api/*}): the app calls relative
 * {@code /api/v1/…} paths exactly as it does on the local gateway, and same-origin calls need no CORS (no preflight
 * before each PUT/POST with a token, no origin list to keep in step with the distribution's domain). Nothing under
 * {@code /api/*} is cached and every header but Host (API Gateway routes by its own Host) and every query string
 * reaches the API. The WebSocket connects to the live API's own URL, written into {@code config.json}: browsers apply
 * no CORS to WebSockets, and API Gateway serves a WebSocket stage only at its own path, which CloudFront's origin
 * path cannot map {@code /ws} onto.
 *
 * <p>The sign-in routes ({@code POST /auth/token}, {@code /auth/refresh}, {@code /auth/sign-out}) reach the same API
 * here too, each by its exact path: they keep the refresh token in a {@code SameSite=Strict; Path=/auth} cookie,
 * which the browser sends only to the dashboard's own host. Only that cookie and {@code Content-Type} go with them,
 * uncached. Every other {@code /auth/…} path, above all the {@code /auth/callback} Cognito redirects to, is the SPA's.
 *
 * <p>SPA fallback is a CloudFront Function on the S3 behaviour, not the distribution's custom error responses: those
 * apply to every behaviour, so they would turn the API's own 403 and 404 problem+json answers into index.html 200.
 */
public final class DashboardSite extends Construct {
    /** The path the HTTP API is served under on the dashboard's domain (every API route starts with it). */
    public static final String API_PATH = "/api/*";
    public static final String ASSETS_PATH = "/assets/*";
    /** The API reference page (local {@code DashboardSite.REFERENCE}): {@code /docs/api}, {@code /docs/api/}. */
    public static final String REFERENCE_PATH = "/docs/api*";
    /** The sign-in routes, by their exact paths: the route table's rows under the refresh cookie's path. */
    public static final List<String> SIGN_IN_PATHS = RouteTable.ROUTES.stream().map(Route::path)
            .filter(p -> p.startsWith(RefreshCookie.PATH + "/")).toList();
    /** CloudFront's metrics are published in this region only, whatever region the distribution's stack is in. */
    public static final String METRICS_REGION = "us-east-1";
    /** Content-hashed files never change under their name: a year, the longest a browser honours. */
    static final Duration ASSET_TTL = Duration.days(365);
    /**
     * The local gateway's CSP (local {@code SiteHeaders.CSP}) with the live WebSocket's origin added to connect-src:
     * no inline script or style, no framing.
     */
    static String csp(String liveOrigin) {
        return policy("'self'", "'self' " + liveOrigin);
    }

    /**
     * The API reference page's CSP (local {@code SiteHeaders.REFERENCE_CSP}): inline styles allowed on that page
     * alone, because Redoc's styled-components write their rules into style elements at run time; scripts stay
     * 'self' only, and the page holds no token or trader data. It needs no WebSocket.
     */
    static String referenceCsp() {
        return policy("'self' 'unsafe-inline'", "'self'");
    }

    private static String policy(String styleSrc, String connectSrc) {
        return "default-src 'self'; script-src 'self'; style-src " + styleSrc + "; img-src 'self' data:; connect-src "
                + connectSrc + "; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /**
     * S3 has no directory index: the reference page's paths name its file. Otherwise a path whose last segment has
     * no file extension is one of the SPA's own routes: serve the shell.
     */
    static final String SPA_FALLBACK = """
            function handler(event) {
              var request = event.request;
              if (request.uri === '/docs/api' || request.uri === '/docs/api/') {
                request.uri = '/docs/api/index.html';
              } else if (!/\\.[A-Za-z0-9]+$/.test(request.uri)) {
                request.uri = '/index.html';
              }
              return request;
            }
            """;

    private final Bucket files;
    private final Bucket logs;
    private final Distribution distribution;
    private final ResponseHeadersPolicy headers;
    private final ResponseHeadersPolicy referenceHeaders;
    private final CachePolicy assetCache;
    private final Function spaFallback;
    private final OriginRequestPolicy signInRequests;

    /**
     * @param apiDomain  the HTTP API's host name (its latency-routed custom domain when there is one)
     * @param liveOrigin the live WebSocket API's origin ({@code wss://host}) for the CSP's connect-src
     */
    public DashboardSite(Construct scope, String id, Stage stage, Names names, String apiDomain, String liveOrigin) {
        super(scope, id);
        // CloudFront's standard logs are delivered with ACLs, so this bucket alone allows object-writer ACLs.
        logs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(90)).build()))
                .removalPolicy(stage.removalPolicy())
                .build();
        Nag.suppress(logs, "AwsSolutions-S1", "This bucket is the access-log destination of the dashboard bucket and "
                + "its distribution; logging it into itself would loop.");
        files = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("s3/")
                .removalPolicy(stage.removalPolicy())
                .build();

        headers = securityHeaders("Headers", names.of("dashboard-headers"),
                "NIJA dashboard: the local gateway's security headers", csp(liveOrigin));
        referenceHeaders = securityHeaders("ReferenceHeaders", names.of("api-reference-headers"),
                "NIJA API reference page: the dashboard's headers, inline styles allowed", referenceCsp());

        assetCache = CachePolicy.Builder.create(this, "AssetCache")
                .cachePolicyName(names.of("dashboard-assets"))
                .comment("Content-hashed dashboard assets: immutable, a year")
                .minTtl(ASSET_TTL).defaultTtl(ASSET_TTL).maxTtl(ASSET_TTL)
                .headerBehavior(CacheHeaderBehavior.none())
                .cookieBehavior(CacheCookieBehavior.none())
                .queryStringBehavior(CacheQueryStringBehavior.none())
                .enableAcceptEncodingGzip(true).enableAcceptEncodingBrotli(true)
                .build();

        spaFallback = Function.Builder.create(this, "SpaFallback")
                .comment("Deep links to the dashboard's views serve index.html")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(SPA_FALLBACK))
                .build();

        IOrigin site = S3BucketOrigin.withOriginAccessControl(files);
        IOrigin apiOrigin = HttpOrigin.Builder.create(apiDomain)
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                .build();
        signInRequests = OriginRequestPolicy.Builder.create(this, "SignInRequests")
                .originRequestPolicyName(names.of("dashboard-sign-in"))
                .comment("NIJA dashboard sign-in routes: the refresh cookie and the body's type, nothing else")
                .cookieBehavior(OriginRequestCookieBehavior.allowList(RefreshCookie.NAME))
                .headerBehavior(OriginRequestHeaderBehavior.allowList("Content-Type"))
                .queryStringBehavior(OriginRequestQueryStringBehavior.none())
                .build();
        // In this order in the template (a Map.of would reorder it from one synth to the next).
        Map<String, BehaviorOptions> behaviours = new LinkedHashMap<>();
        behaviours.put(ASSETS_PATH, BehaviorOptions.builder()
                .origin(site)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .cachePolicy(assetCache)
                .compress(true)
                .responseHeadersPolicy(headers)
                .build());
        behaviours.put(REFERENCE_PATH, pageBehaviour(site, referenceHeaders));
        // With caching disabled, the all-viewer origin request policy may carry Authorization.
        behaviours.put(API_PATH, apiBehaviour(apiOrigin, OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER));
        for (String path : SIGN_IN_PATHS) behaviours.put(path, apiBehaviour(apiOrigin, signInRequests));
        distribution = Distribution.Builder.create(this, "Cdn")
                .comment(names.of("dashboard"))
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(stage.isProd() ? PriceClass.PRICE_CLASS_ALL : PriceClass.PRICE_CLASS_100)
                .enableLogging(true).logBucket(logs).logFilePrefix("cloudfront/")
                // index.html and config.json: never cached, so a deploy is seen on the next load.
                .defaultBehavior(pageBehaviour(site, headers))
                .additionalBehaviors(behaviours)
                .build();
        Nag.suppress(distribution, "AwsSolutions-CFR1", "Traders sign in from any country; the venues they trade "
                + "on enforce their own geographic rules.");
        Nag.suppress(distribution, "AwsSolutions-CFR2", "A web ACL for CloudFront must live in us-east-1; the "
                + "static files need none and /api/* keeps the HTTP API's per-route throttles and JWT authorizer.");
        Nag.suppress(distribution, "AwsSolutions-CFR4", "The distribution uses CloudFront's default *.cloudfront.net "
                + "certificate, whose minimum protocol CloudFront fixes; viewers are redirected to HTTPS and the "
                + "API origin is reached over TLS 1.2 only.");
    }

    /** The security headers the local gateway sends (local {@code SiteHeaders}), with {@code csp}. */
    private ResponseHeadersPolicy securityHeaders(String id, String name, String comment, String csp) {
        return ResponseHeadersPolicy.Builder.create(this, id)
                .responseHeadersPolicyName(name)
                .comment(comment)
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(csp).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365)).includeSubdomains(true).override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.NO_REFERRER).override(true).build())
                        .build())
                .customHeadersBehavior(ResponseCustomHeadersBehavior.builder().customHeaders(List.of(
                        ResponseCustomHeader.builder().header("Cross-Origin-Opener-Policy").value("same-origin")
                                .override(true).build(),
                        ResponseCustomHeader.builder().header("Permissions-Policy")
                                .value("camera=(), microphone=(), geolocation=(), payment=()").override(true).build()))
                        .build())
                .build();
    }

    /** A page from S3, never cached, through the viewer-request function that maps its path to its file. */
    private BehaviorOptions pageBehaviour(IOrigin site, ResponseHeadersPolicy policy) {
        return BehaviorOptions.builder()
                .origin(site)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .responseHeadersPolicy(policy)
                .functionAssociations(List.of(FunctionAssociation.builder()
                        .function(spaFallback).eventType(FunctionEventType.VIEWER_REQUEST).build()))
                .build();
    }

    /** A path served by the HTTP API: never cached, every method (CloudFront allows POST only with all of them). */
    private BehaviorOptions apiBehaviour(IOrigin apiOrigin, IOriginRequestPolicy requests) {
        return BehaviorOptions.builder()
                .origin(apiOrigin)
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(requests)
                .responseHeadersPolicy(headers)
                .build();
    }

    /**
     * Uploads the built dashboard and its {@code config.json}, from {@code scope}: a stack other than the
     * distribution's, because config.json names the user pool client, whose redirect URLs name the distribution's
     * domain (distribution → client → uploads, no cycle). Assets go first and are never pruned: a browser still
     * showing the previous index.html keeps loading the files it names. The shell (index.html, config.json) follows
     * and replaces the old one; it is revalidated on every load.
     */
    public void deploy(Construct scope, Path builtDir, Map<String, Object> config) {
        Construct uploads = new Construct(scope, "Site");
        BucketDeployment assets = BucketDeployment.Builder.create(uploads, "DeployAssets")
                .sources(List.of(Source.asset(builtDir.resolve("assets").toString())))
                .destinationBucket(files)
                .destinationKeyPrefix("assets/")
                .prune(false)
                .cacheControl(List.of(CacheControl.setPublic(), CacheControl.maxAge(ASSET_TTL), CacheControl.immutable()))
                .build();
        BucketDeployment shell = BucketDeployment.Builder.create(uploads, "DeployShell")
                .sources(List.of(
                        Source.asset(builtDir.toString(), AssetOptions.builder().exclude(List.of("assets")).build()),
                        Source.jsonData("config.json", config)))
                .destinationBucket(files)
                // Excluded keys are also left alone when pruning: the assets stay.
                .exclude(List.of("assets/*"))
                .prune(true)
                .cacheControl(List.of(CacheControl.noCache()))
                .build();
        shell.getNode().addDependency(assets);
        // Both deployments share CDK's one copy handler (a singleton per stack) and its role.
        Nag.suppress(assets.getHandlerRole(), "AwsSolutions-IAM4", "CDK's BucketDeployment copy handler writes its "
                + "own logs through AWSLambdaBasicExecutionRole; it runs only during a deployment.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        Nag.suppress(assets.getHandlerRole(), "AwsSolutions-IAM5", "CDK's BucketDeployment grants: read the CDK "
                + "asset bucket's objects, write and prune the dashboard bucket's objects (object-level actions need "
                + "the /* resource; CDK writes the action groups with wildcards).",
                List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                        "Action::s3:DeleteObject*", "Action::s3:Abort*",
                        "/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-.*\\/\\*$/g",
                        "/^Resource::<.*SiteFiles[0-9A-F]+.*Arn>\\/\\*$/g"));
    }

    /** The dashboard's origin, {@code https://<id>.cloudfront.net}. */
    public String url() {
        return "https://" + distribution.getDistributionDomainName();
    }

    public Bucket files() { return files; }
    public Distribution distribution() { return distribution; }
    public ResponseHeadersPolicy headers() { return headers; }
    public CachePolicy assetCache() { return assetCache; }
}
