package com.nija.cdk.data;

import com.nija.cdk.Nag;
import com.nija.cdk.config.Stage;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Where exports too large for one API response are written (issue 16): private, encrypted with KMS (the account's
 * {@code aws/s3} key, so the presigned GET decrypts for whoever holds the link and nothing else needs a key grant),
 * TLS only, and short-lived: objects are deleted after {@link #KEEP_DAYS} days and an upload left unfinished after one.
 * Only the export functions may write and read it, under {@link #PREFIX}.
 */
public final class ExportBucket extends Construct {
    public static final int KEEP_DAYS = 7;
    public static final String PREFIX = "exports/";
    /** The variable the functions read it from ({@code nija.exports.bucket}). */
    public static final String ENV = "NIJA_EXPORTS_BUCKET";

    private final Bucket bucket;

    public ExportBucket(Construct scope, String id, Stage stage) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.KMS_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-exports")
                        .expiration(Duration.days(KEEP_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(stage.removalPolicy())
                .build();
        Nag.suppress(bucket, "AwsSolutions-S1", "Exports live 7 days, each written by an export function that logs the "
                + "request and caller; links expire in 15 minutes. Access logs would outlive what they describe.");
    }

    public String name() {
        return bucket.getBucketName();
    }

    /**
     * Exactly the calls an export makes, on objects under {@link #PREFIX}: the multipart upload (PutObject covers
     * create, part and complete), its abort, and the GET its presigned link is signed for. No list, no delete.
     */
    public void grantExports(Role role) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(role)
                .actions(List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:GetObject"))
                .resourceArns(List.of(bucket.arnForObjects(PREFIX + "*"))).build());
        Nag.suppress(role, "AwsSolutions-IAM5", "Objects under exports/ of the export bucket: each export's key is "
                + "made at run time (exports/<owner>/<random id>/<file>).",
                List.of("/^Resource::.*Exports.*\\/exports\\/\\*$/g"));
    }
}
