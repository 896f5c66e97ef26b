package com.nija.shared.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Large exports in a private bucket: written as a multipart upload (parts of {@link #PART_BYTES}, so the function holds
 * one part, never the file), encrypted at rest (SSE-KMS with the bucket's key), handed out as a presigned GET that
 * expires after {@link #LINK_TTL}. The bucket's lifecycle rule deletes the objects after a few days (CDK).
 */
public class S3Exports {
    /** S3's minimum part size is 5 MiB (the last part may be smaller); 8 MiB halves the requests for little memory. */
    public static final int PART_BYTES = 8 * 1024 * 1024;
    /** Long enough to start a download, short enough that a leaked link is soon useless. */
    public static final Duration LINK_TTL = Duration.ofMinutes(15);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3Exports(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** A presigned GET of {@code key} that saves as {@code fileName}. */
    public Link link(String key, String fileName, String contentType) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p.signatureDuration(LINK_TTL)
                .getObjectRequest(g -> g.bucket(bucket).key(key).responseContentType(contentType)
                        .responseContentDisposition("attachment; filename=\"" + fileName + "\"")));
        // The URL is valid until its X-Amz-Date (whole seconds) plus the duration: no later than the SDK's instant.
        return new Link(URI.create(presigned.url().toString()), presigned.expiration().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Starts the upload of {@code key}: write it, then {@link Upload#close()} completes it. */
    public Upload upload(String key, String contentType) {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AWS_KMS)).uploadId();
        return new Upload(key, uploadId);
    }

    /** Where a large export can be read, and until when. */
    public record Link(URI url, Instant expiresAt) {}

    /**
     * The bytes of one object, sent a part at a time. {@link #close()} completes the upload; {@link #abort()} drops
     * the parts sent (S3 would otherwise keep and bill them; the bucket's lifecycle also aborts leftovers).
     */
    public final class Upload extends OutputStream {
        private final String key;
        private final String uploadId;
        private final byte[] part = new byte[PART_BYTES];
        private final List<CompletedPart> sent = new ArrayList<>();
        private int filled;
        private long bytes;

        private Upload(String key, String uploadId) {
            this.key = key;
            this.uploadId = uploadId;
        }

        @Override
        public void write(int b) {
            if (filled == part.length) send();
            part[filled++] = (byte) b;
            bytes++;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            while (length > 0) {
                if (filled == part.length) send();
                int n = Math.min(length, part.length - filled);
                System.arraycopy(data, offset, part, filled, n);
                filled += n;
                offset += n;
                length -= n;
                bytes += n;
            }
        }

        public long bytes() {
            return bytes;
        }

        private void send() {
            int number = sent.size() + 1;
            int length = filled; // a fresh stream over the part on each try, so a retried part is sent whole
            String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentLength((long) length), RequestBody.fromContentProvider(
                            () -> new ByteArrayInputStream(part, 0, length), length, "application/octet-stream"))
                    .eTag();
            sent.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        }

        /** Sends the last part and completes the object. */
        @Override
        public void close() throws IOException {
            if (filled > 0 || sent.isEmpty()) send();
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(sent)));
        }

        public void abort() {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        }
    }
}
