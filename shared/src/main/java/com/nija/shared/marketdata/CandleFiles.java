package com.nija.shared.marketdata;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Candle files: one CSV file per market and interval, named {@code <SYMBOL>-<interval>.csv} (e.g.
 * {@code events/market/BTC-USD-5m.csv}; see {@link #forSymbol}). The demo's replay and the backtest read them, the
 * {@link SyntheticCandles} generator writes them.
 *
 * <p>Format (stable; other code and committed files depend on it):
 * <pre>
 * time,open,high,low,close,volume
 * 2031-06-16T12:00:00Z,64123.45,64200.12,64100.00,64150.33,12.3456
 * </pre>
 * The first line is exactly that header. {@code time} is the candle's <em>open</em> time, ISO-8601 in UTC
 * ({@code Z}); prices and volume are plain decimals (no exponent needed, no thousands separators). Lines are in strictly
 * rising time order; a blank line at the end is allowed, lines ending in CRLF are read like LF. Any other line is
 * refused with a {@link CandleFileException} naming the line number and the rule, and every bar must keep
 * {@link Candle}'s rules.
 *
 * <p>API: {@link #stream(Path)} reads lazily (close the stream; use try-with-resources) — a backtest over a million
 * candles never holds the file; {@link #read(Path)} reads all; {@link #parse(Reader)} reads any text (tests, fuzzing);
 * {@link #write(Path, Iterable)} writes a file in this format. Reading is one pass of {@code indexOf} per field and a
 * fixed-layout time fast path: no regular expression, no splitting.
 */
public final class CandleFiles {
    public static final String HEADER = "time,open,high,low,close,volume";
    private static final int FIELDS = 6;

    private CandleFiles() {}

    /** The file of {@code symbol}'s {@code interval} candles in {@code dir}: {@code dir/<SYMBOL>-<interval>.csv}. */
    public static Path forSymbol(Path dir, String symbol, CandleInterval interval) {
        return dir.resolve(symbol + "-" + interval.code() + ".csv");
    }

    /** All candles of {@code file}, oldest first. */
    public static List<Candle> read(Path file) {
        try (Stream<Candle> candles = stream(file)) {
            return candles.toList();
        }
    }

    /**
     * The candles of {@code file}, oldest first, read as the stream is consumed. The stream holds the file open: close
     * it. A missing file or a read error is an {@link UncheckedIOException}; a bad line a {@link CandleFileException}.
     */
    public static Stream<Candle> stream(Path file) {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("candle file " + file + " not readable", e);
        }
        return parse(reader).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The candles in {@code text} (the whole file's content). */
    public static List<Candle> parse(String text) {
        try (Stream<Candle> candles = parse(new StringReader(text))) {
            return candles.toList();
        }
    }

    /** The candles read lazily from {@code in}; the caller owns {@code in}. */
    public static Stream<Candle> parse(Reader in) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Lines(reader),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Writes {@code candles} (oldest first) to {@code file}, creating its directory; replaces an existing file. */
    public static void write(Path file, Iterable<Candle> candles) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(out, candles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("candle file " + file + " not writable", e);
        }
    }

    /** Writes the header and {@code candles} (oldest first) to {@code out}, refusing them out of time order. */
    public static void write(Writer out, Iterable<Candle> candles) throws IOException {
        out.write(HEADER);
        out.write('\n');
        Instant previous = null;
        for (Candle c : candles) {
            if (previous != null && !c.openTime().isAfter(previous)) {
                throw new IllegalArgumentException("candles must be in strictly rising time order: " + c.openTime());
            }
            previous = c.openTime();
            out.write(c.openTime().toString());
            for (BigDecimal value : new BigDecimal[] {c.open(), c.high(), c.low(), c.close(), c.volume()}) {
                out.write(',');
                out.write(value.toPlainString());
            }
            out.write('\n');
        }
    }

    /** One candle per line, checking the header first and the time order as it goes. */
    private static final class Lines implements Iterator<Candle> {
        private final BufferedReader reader;
        private int lineNumber;
        private Instant previous;
        private Candle next;
        private boolean headerRead;
        private boolean ended;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (next != null) return true;
            if (ended) return false;
            String line = readLine();
            if (!headerRead) {
                if (line == null || !HEADER.equals(stripBom(line).strip())) {
                    throw new CandleFileException(1, "the first line must be the header " + HEADER);
                }
                headerRead = true;
                line = readLine();
            }
            if (line == null || line.isEmpty() && !moreContent()) {
                ended = true;
                return false;
            }
            Candle candle = parseLine(line, lineNumber);
            if (previous != null && !candle.openTime().isAfter(previous)) {
                throw new CandleFileException(lineNumber, "times must rise strictly from line to line");
            }
            previous = candle.openTime();
            next = candle;
            return true;
        }

        @Override
        public Candle next() {
            if (!hasNext()) throw new NoSuchElementException();
            Candle out = next;
            next = null;
            return out;
        }

        /** A blank line is allowed only as the last one. */
        private boolean moreContent() {
            int blankAt = lineNumber;
            String rest;
            while ((rest = readLine()) != null) {
                if (!rest.isEmpty()) throw new CandleFileException(blankAt, "blank line inside the file");
            }
            return false;
        }

        private String readLine() {
            try {
                String line = reader.readLine();
                if (line != null) lineNumber++;
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String stripBom(String line) {
            return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
        }
    }

    /** One data line ({@code time,open,high,low,close,volume}) of line {@code lineNumber}. */
    static Candle parseLine(String line, int lineNumber) {
        int[] commas = new int[FIELDS - 1];
        int found = 0;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            if (found == commas.length) throw new CandleFileException(lineNumber, "more than 6 fields");
            commas[found++] = i;
        }
        if (found != commas.length) throw new CandleFileException(lineNumber, "fewer than 6 fields");
        Instant time = time(line, commas[0], lineNumber);
        BigDecimal[] values = new BigDecimal[FIELDS - 1];
        String[] names = {"open", "high", "low", "close", "volume"};
        for (int f = 0; f < values.length; f++) {
            int start = commas[f] + 1;
            int end = f + 1 < commas.length ? commas[f + 1] : line.length();
            values[f] = decimal(line, start, end, names[f], lineNumber);
        }
        try {
            return new Candle(time, values[0], values[1], values[2], values[3], values[4]);
        } catch (IllegalArgumentException broken) {
            throw new CandleFileException(lineNumber, broken.getMessage());
        }
    }

    private static BigDecimal decimal(String line, int start, int end, String field, int lineNumber) {
        // plain decimals only: digits and at most one dot, at most 40 characters (an exponent could ask for a
        // number of unbounded size)
        int length = end - start;
        if (length == 0 || length > 40) throw new CandleFileException(lineNumber, field + " must be a plain decimal");
        boolean dot = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char ch = line.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (ch == '.' && !dot) {
                dot = true;
            } else {
                throw new CandleFileException(lineNumber, field + " must be a plain decimal");
            }
        }
        if (!digit) throw new CandleFileException(lineNumber, field + " must be a plain decimal");
        char[] chars = new char[length];
        line.getChars(start, end, chars, 0);
        return new BigDecimal(chars, 0, length);
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} is read by hand (the files' own layout); other ISO-8601 UTC forms by the JDK. */
    private static Instant time(String line, int end, int lineNumber) {
        try {
            if (end == 20 && line.charAt(4) == '-' && line.charAt(7) == '-' && line.charAt(10) == 'T'
                    && line.charAt(13) == ':' && line.charAt(16) == ':' && line.charAt(19) == 'Z') {
                int year = digits(line, 0, 4);
                int month = digits(line, 5, 7);
                int day = digits(line, 8, 10);
                int hour = digits(line, 11, 13);
                int minute = digits(line, 14, 16);
                int second = digits(line, 17, 19);
                if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                        && second >= 0 && second < 60) {
                    long epochDay = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second);
                }
                throw new CandleFileException(lineNumber, "time must be an ISO-8601 UTC instant");
            }
            if (end == 0 || line.charAt(end - 1) != 'Z') {
                throw new CandleFileException(lineNumber, "time must be an ISO-8601 UTC instant");
            }
            return Instant.parse(line.substring(0, end));
        } catch (DateTimeParseException e) {
            throw new CandleFileException(lineNumber, "time must be an ISO-8601 UTC instant");
        } catch (DateTimeException e) {
            throw new CandleFileException(lineNumber, "time must be a real date");
        }
    }

    /** The decimal number in {@code [start, end)}, or -1 when any character is not a digit. */
    private static int digits(String s, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
