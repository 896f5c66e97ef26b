package com.nija.shared.export;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.LongFunction;

/**
 * The byte counterpart of the text exports' bound: collects a binary export (an archive) for an inline response and
 * refuses past {@code limit} bytes.
 */
public final class BoundedOutputStream extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long limit;
    private final LongFunction<ExportTooLargeException> refusal;

    public BoundedOutputStream(long limit, LongFunction<ExportTooLargeException> refusal) {
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public void write(int b) {
        if (bytes.size() + 1L > limit) throw refusal.apply(limit);
        bytes.write(b);
    }

    @Override
    public void write(byte[] b, int offset, int length) {
        if (bytes.size() + (long) length > limit) throw refusal.apply(limit);
        bytes.write(b, offset, length);
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
