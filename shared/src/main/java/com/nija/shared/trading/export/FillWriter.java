package com.nija.shared.trading.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.nija.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/** Writes fills one at a time in an export format, holding none of them. */
public interface FillWriter extends AutoCloseable {
    /** CSV column names, also the JSON field names. */
    String[] COLUMNS = {"time", "symbol", "side", "quantity", "price", "fee", "realizedPnl", "venue", "orderId"};

    void write(FillRow row);

    /** Ends the document (the JSON array and object) and flushes. */
    @Override
    void close();

    static FillWriter of(ExportFormat format, Writer out) {
        return format == ExportFormat.CSV ? new Csv(out) : new JsonLines(out);
    }

    /** RFC 4180: CRLF line ends, a header row. */
    final class Csv implements FillWriter {
        private final Writer out;

        Csv(Writer out) {
            this.out = out;
            line(COLUMNS);
        }

        @Override
        public void write(FillRow r) {
            line(new String[] {r.time().toString(), CsvCells.cell(r.symbol()), CsvCells.cell(r.side()),
                    CsvCells.number(r.quantity()), CsvCells.number(r.price()), CsvCells.number(r.fee()),
                    CsvCells.number(r.realizedPnl()), CsvCells.cell(r.venue()), CsvCells.cell(r.orderId())});
        }

        private void line(String[] cells) {
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

    /** {@code {"fills":[{…},…]}}, money as strings so no digit is lost to a float. */
    final class JsonLines implements FillWriter {
        private final JsonGenerator json;

        JsonLines(Writer out) {
            try {
                json = Json.MAPPER.getFactory().createGenerator(out);
                json.writeStartObject();
                json.writeArrayFieldStart("fills");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(FillRow r) {
            try {
                json.writeStartObject();
                json.writeStringField("time", r.time().toString());
                json.writeStringField("symbol", r.symbol());
                json.writeStringField("side", r.side());
                money("quantity", r.quantity());
                money("price", r.price());
                money("fee", r.fee());
                money("realizedPnl", r.realizedPnl());
                json.writeStringField("venue", r.venue());
                json.writeStringField("orderId", r.orderId());
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void money(String field, BigDecimal value) throws IOException {
            if (value == null) json.writeNullField(field);
            else json.writeStringField(field, value.toPlainString());
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
