package com.nija.shared.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.nija.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an export's rows one at a time in its format, holding none of them. A cell is text ({@link String}), money or
 * a quantity ({@link BigDecimal}, exact: a plain number in CSV, a string in JSON so no digit is lost to a float), a
 * time ({@link Instant}, ISO-8601), a flag ({@link Boolean}) or a count ({@link Long}); null is an empty cell.
 */
public interface RowWriter extends AutoCloseable {
    /** One row, a cell per column in the columns' order. */
    void write(Object... cells);

    /** Ends the document (the JSON array and object) and flushes. */
    @Override
    void close();

    /**
     * @param columns CSV header and JSON field names
     * @param rows    the JSON document's one field, the array of rows ({@code {"fills":[…]}})
     */
    static RowWriter of(ExportFormat format, List<String> columns, String rows, Writer out) {
        return format == ExportFormat.CSV ? new Csv(columns, out) : new JsonRows(columns, rows, out);
    }

    /** RFC 4180: CRLF line ends, a header row, text cells spreadsheet-safe ({@link CsvCells}). */
    final class Csv implements RowWriter {
        private final int width;
        private final Writer out;

        Csv(List<String> columns, Writer out) {
            this.width = columns.size();
            this.out = out;
            line(columns);
        }

        @Override
        public void write(Object... cells) {
            if (cells.length != width) throw new IllegalArgumentException(width + " cells expected, not " + cells.length);
            List<String> line = new ArrayList<>(width);
            for (Object cell : cells) {
                line.add(cell instanceof BigDecimal d ? CsvCells.number(d)
                        : cell instanceof String s ? CsvCells.cell(s) : cell == null ? "" : cell.toString());
            }
            line(line);
        }

        private void line(List<String> cells) {
            try {
                out.write(String.join(",", cells));
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code {"<rows>":[{…},…]}}. */
    final class JsonRows implements RowWriter {
        private final List<String> columns;
        private final JsonGenerator json;

        JsonRows(List<String> columns, String rows, Writer out) {
            this.columns = List.copyOf(columns);
            try {
                json = Json.MAPPER.getFactory().createGenerator(out);
                json.writeStartObject();
                json.writeArrayFieldStart(rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(columns.size() + " cells expected, not " + cells.length);
            }
            try {
                json.writeStartObject();
                for (int i = 0; i < cells.length; i++) {
                    String field = columns.get(i);
                    Object cell = cells[i];
                    if (cell == null) json.writeNullField(field);
                    else if (cell instanceof Boolean b) json.writeBooleanField(field, b);
                    else if (cell instanceof Long n) json.writeNumberField(field, n);
                    else if (cell instanceof BigDecimal d) json.writeStringField(field, d.toPlainString());
                    else json.writeStringField(field, cell.toString());
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                json.writeEndArray();
                json.writeEndObject();
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
