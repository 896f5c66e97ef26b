package com.nija.shared.export;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Hands an export to its caller: inline up to {@link #MAX_INLINE_CHARS}; past it, where an export bucket is configured
 * (AWS), the rest streams on into S3 and the caller gets a presigned link; without one (locally) the export is refused
 * as too large (413). The export is written once, as it is read: what was collected for the inline answer becomes the
 * object's first bytes.
 */
@Singleton
public class ExportDelivery {
    /**
     * Lambda behind API Gateway answers at most 6 MB, and the body travels JSON-escaped (quotes and CRLFs double);
     * 3 million characters stays below it for any export (about 30,000 fills).
     */
    public static final long MAX_INLINE_CHARS = 3_000_000;

    private final S3Exports large;
    private final long inlineLimit;

    public ExportDelivery(@Nullable S3Exports large) {
        this(large, MAX_INLINE_CHARS);
    }

    ExportDelivery(@Nullable S3Exports large, long inlineLimit) {
        this.large = large;
        this.inlineLimit = inlineLimit;
    }

    /** How an export reached its caller. */
    public sealed interface Delivered {}

    /** The whole export, to answer with. */
    public record Inline(String body) implements Delivered {}

    /** Too large to answer with: stored, readable at {@code url} until {@code expiresAt}. */
    public record Stored(URI url, Instant expiresAt, long bytes) implements Delivered {}

    /**
     * @param owner    whose export it is (the object key's folder, so an operator can tell exports apart)
     * @param fileName what the download saves as
     * @param write    writes the export to the writer it is given, start to end
     */
    public Delivered deliver(String owner, String fileName, ExportFormat format, Consumer<Writer> write) {
        Spilling out = new Spilling(owner, fileName, format);
        try {
            write.accept(out);
            return out.finish();
        } catch (RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    /** Collects up to the inline limit, then streams everything to S3. */
    private final class Spilling extends Writer {
        private final String key;
        private final String fileName;
        private final ExportFormat format;
        private StringBuilder inline = new StringBuilder();
        private S3Exports.Upload upload;
        private Writer toUpload;

        Spilling(String owner, String fileName, ExportFormat format) {
            // Random at request time (never at init): an export's key cannot be guessed from another's.
            this.key = "exports/" + owner + "/" + UUID.randomUUID() + "/" + fileName;
            this.fileName = fileName;
            this.format = format;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (spilled(length)) toUpload.write(chars, offset, length);
            else inline.append(chars, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            if (spilled(length)) toUpload.write(s, offset, length);
            else inline.append(s, offset, offset + length);
        }

        /** True when {@code length} more characters go to S3: the upload starts with the first that do not fit. */
        private boolean spilled(int length) throws IOException {
            if (toUpload != null) return true;
            if (inline.length() + (long) length <= inlineLimit) return false;
            if (large == null) throw new ExportTooLargeException(inlineLimit);
            upload = large.upload(key, format.contentType());
            toUpload = new OutputStreamWriter(upload, StandardCharsets.UTF_8);
            toUpload.append(inline);
            inline = null; // the object has it now
            return true;
        }

        Delivered finish() {
            if (toUpload == null) return new Inline(inline.toString());
            try {
                toUpload.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            S3Exports.Link link = large.link(key, fileName, format.contentType());
            return new Stored(link.url(), link.expiresAt(), upload.bytes());
        }

        void abort() {
            if (upload != null) upload.abort();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
