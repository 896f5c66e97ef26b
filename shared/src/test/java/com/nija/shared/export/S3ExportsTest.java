package com.nija.shared.export;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Large exports against a WireMock stand-in of S3's multipart API, in the shapes of the Amazon S3 API Reference
 * (CreateMultipartUpload {@code POST /{Key}?uploads} answering {@code InitiateMultipartUploadResult}; UploadPart
 * {@code PUT /{Key}?partNumber=&uploadId=} answering an {@code ETag}; CompleteMultipartUpload {@code POST
 * /{Key}?uploadId=} with a {@code CompleteMultipartUpload} list of parts; AbortMultipartUpload {@code DELETE
 * /{Key}?uploadId=} answering 204), and the presigned link checked against SigV4's query-parameter algorithm.
 */
class S3ExportsTest {
    private static final String BUCKET = "nija-exports-test";
    /** The access key pair of the S3 API Reference's examples (not a real credential). */
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    private final WireMockServer s3 = new WireMockServer(options().dynamicPort());
    private S3Client client;
    private S3Presigner presigner;

    @BeforeEach
    void start() {
        s3.start();
        s3.stubFor(post(urlMatching("/" + BUCKET + "/exports/.+\\?uploads(=)?")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><InitiateMultipartUploadResult>"
                        + "<Bucket>" + BUCKET + "</Bucket><Key>k</Key><UploadId>up-1</UploadId>"
                        + "</InitiateMultipartUploadResult>")));
        for (int part = 1; part <= 3; part++) {
            s3.stubFor(put(urlMatching("/" + BUCKET + "/exports/.+[?&]partNumber=" + part + "(&.*)?"))
                    .withQueryParam("uploadId", equalTo("up-1"))
                    .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"etag-" + part + "\"")));
        }
        s3.stubFor(post(urlMatching("/" + BUCKET + "/exports/.+\\?uploadId=up-1")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult>"
                        + "<Bucket>" + BUCKET + "</Bucket><Key>k</Key><ETag>\"done-2\"</ETag>"
                        + "</CompleteMultipartUploadResult>")));
        s3.stubFor(delete(urlMatching("/" + BUCKET + "/exports/.+\\?uploadId=up-1")).willReturn(aResponse().withStatus(204)));
        client = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(URI.create(s3.baseUrl())).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // Plain bodies on the wire, so the test can put the parts back together: no aws-chunked framing
                // or checksum trailers (the deployed client keeps the SDK's default integrity checks).
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        presigner = S3Presigner.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
    }

    @AfterEach
    void stop() {
        client.close();
        presigner.close();
        s3.stop();
    }

    private ExportDelivery delivery(long inlineLimit) {
        return new ExportDelivery(new S3Exports(client, presigner, BUCKET), inlineLimit);
    }

    /** About 9 MiB of CSV lines, with a 3-byte character in each so bytes and characters differ. */
    private static String bigExport() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 9 * 1024 * 1024; i++) text.append(i).append(",fee €0.10,BTC-USD\r\n");
        return text.toString();
    }

    private static void writeAll(java.io.Writer out, String text) {
        try {
            for (int i = 0; i < text.length(); i += 4096) out.write(text, i, Math.min(4096, text.length() - i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("an export past the inline limit is uploaded encrypted in 8 MiB parts, completed, and answered with a link")
    void uploadsInParts() {
        String text = bigExport();
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);

        ExportDelivery.Delivered delivered = delivery(1_000)
                .deliver("finance", "invoices-2031-05.csv", ExportFormat.CSV, out -> writeAll(out, text));

        assertThat(delivered).isInstanceOf(ExportDelivery.Stored.class);
        ExportDelivery.Stored stored = (ExportDelivery.Stored) delivered;
        assertThat(stored.bytes()).isEqualTo(expected.length);
        List<LoggedRequest> created = s3.findAll(postRequestedFor(urlMatching(".*\\?uploads(=)?")));
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getHeader("x-amz-server-side-encryption")).isEqualTo("aws:kms");
        assertThat(created.get(0).getHeader("Content-Type")).startsWith("text/csv");
        assertThat(created.get(0).getUrl()).startsWith("/" + BUCKET + "/exports/finance/")
                .contains("/invoices-2031-05.csv");
        List<LoggedRequest> parts = s3.findAll(putRequestedFor(urlMatching(".*partNumber=.*"))).stream()
                .sorted(Comparator.comparing(r -> r.queryParameter("partNumber").firstValue())).toList();
        assertThat(parts).extracting(r -> r.queryParameter("partNumber").firstValue()).containsExactly("1", "2");
        assertThat(parts.get(0).getBody()).hasSize(S3Exports.PART_BYTES);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        parts.forEach(p -> whole.writeBytes(p.getBody()));
        assertThat(whole.toByteArray()).isEqualTo(expected);
        String completion = s3.findAll(postRequestedFor(urlMatching(".*\\?uploadId=up-1"))).get(0).getBodyAsString();
        // The ETags as S3 returned them, quotes included (XML-escaped in the body).
        assertThat(completion).contains("<Part><ETag>&quot;etag-1&quot;</ETag><PartNumber>1</PartNumber></Part>"
                + "<Part><ETag>&quot;etag-2&quot;</ETag><PartNumber>2</PartNumber></Part>");
        assertThat(s3.findAll(deleteRequestedFor(urlMatching(".*")))).isEmpty();
    }

    @Test
    @DisplayName("an export that fails after spilling aborts its upload, so no parts are left behind")
    void abortsOnFailure() {
        String text = bigExport();

        assertThatThrownBy(() -> delivery(1_000).deliver("finance", "subscriptions-2031-05.csv", ExportFormat.CSV,
                out -> {
                    writeAll(out, text);
                    throw new IllegalStateException("the table read failed half way");
                })).hasMessageContaining("half way");

        assertThat(s3.findAll(deleteRequestedFor(urlMatching(".*\\?uploadId=up-1")))).hasSize(1);
        assertThat(s3.findAll(postRequestedFor(urlMatching(".*\\?uploadId=up-1")))).isEmpty();
    }

    @Test
    @DisplayName("an export within the inline limit is answered inline and never reaches S3")
    void smallStaysInline() {
        ExportDelivery.Delivered delivered = delivery(1_000)
                .deliver("t-1", "fills.csv", ExportFormat.CSV, out -> writeAll(out, "time,symbol\r\n"));

        assertThat(delivered).isEqualTo(new ExportDelivery.Inline("time,symbol\r\n"));
        assertThat(s3.findAll(anyRequestedFor(urlMatching(".*")))).isEmpty();
    }

    @Test
    @DisplayName("without an export bucket (locally) an export past the limit is refused as too large, as before")
    void noBucketRefuses() {
        ExportDelivery local = new ExportDelivery(null, 10);

        assertThatThrownBy(() -> local.deliver("t-1", "fills.csv", ExportFormat.CSV,
                out -> writeAll(out, "time,symbol,side\r\n"))).isInstanceOf(ExportTooLargeException.class);
        assertThat(local.deliver("t-1", "fills.csv", ExportFormat.CSV, out -> writeAll(out, "time\r\n")))
                .isEqualTo(new ExportDelivery.Inline("time\r\n"));
    }

    @Test
    @DisplayName("the link is a SigV4 presigned GET of the object, valid 15 minutes, saving under the export's name")
    void presignedLink() {
        S3Exports exports = new S3Exports(client, presigner, BUCKET);

        S3Exports.Link link = exports.link("exports/finance/abc/invoices-2031-05.csv", "invoices-2031-05.csv",
                "text/csv; charset=utf-8");

        URI url = link.url();
        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo(BUCKET + ".s3.amazonaws.com");
        assertThat(url.getRawPath()).isEqualTo("/exports/finance/abc/invoices-2031-05.csv");
        Map<String, String> q = SigV4QuerySignature.query(url);
        assertThat(q).containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Expires", "900")
                .containsEntry("X-Amz-SignedHeaders", "host")
                .containsEntry("response-content-disposition", "attachment; filename=\"invoices-2031-05.csv\"")
                .containsEntry("response-content-type", "text/csv; charset=utf-8");
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(q.get("X-Amz-Date"), Instant::from);
        assertThat(q.get("X-Amz-Credential")).isEqualTo(ACCESS_KEY + "/" + q.get("X-Amz-Date").substring(0, 8)
                + "/us-east-1/s3/aws4_request");
        assertThat(link.expiresAt()).isEqualTo(signedAt.plus(Duration.ofMinutes(15)));
        assertThat(q.get("X-Amz-Signature")).matches("[0-9a-f]{64}")
                .isEqualTo(SigV4QuerySignature.expected(url, SECRET_KEY));
        assertThat(url.toString()).doesNotContain(SECRET_KEY);
    }

    @Test
    @DisplayName("the signature check itself reproduces the S3 API Reference's presigned-URL example")
    void signatureCheckKnownAnswer() {
        // Amazon S3 API Reference, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)",
        // the example GET of examplebucket/test.txt on 24 May 2013, valid 86400 s.
        URI example = URI.create("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");

        assertThat(SigV4QuerySignature.expected(example, SECRET_KEY))
                .isEqualTo("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }
}
