package com.nija.shared.trading.export;

import java.io.Writer;

/**
 * Collects an export for an inline response and refuses past {@code limit} characters, so a response never exceeds
 * what API Gateway and Lambda carry (6 MB; JSON-escaping the body can grow it, hence a limit well below).
 */
public final class BoundedWriter extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final long limit;

    public BoundedWriter(long limit) {
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        if (text.length() + (long) length > limit) throw new ExportTooLargeException(limit);
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
        if (text.length() + (long) length > limit) throw new ExportTooLargeException(limit);
        text.append(s, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
