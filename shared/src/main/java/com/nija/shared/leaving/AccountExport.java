package com.nija.shared.leaving;

import com.nija.shared.data.StoredItem;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.nija.shared.data.ItemJson;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything NIJA stores about a trader as a ZIP archive: one JSON-lines file per kind of {@link TraderDataRegistry}
 * ({@code orders.jsonl}: one item per line), then {@code manifest.json} with each file's count and what deleting the
 * account does to that kind. Written a query page at a time to the stream, so memory stays bounded by a page whatever
 * the account's size; secrets (sealed broker keys) are left out.
 */
@Singleton
public class AccountExport {
    public static final String MANIFEST = "manifest.json";

    private final TraderDataRegistry registry;
    private final TraderItemsRegistry items;
    private final Clock clock;

    public AccountExport(TraderDataRegistry registry, TraderItemsRegistry items, Clock clock) {
        this.registry = registry;
        this.items = items;
        this.clock = clock;
    }

    /** @return how many items of each kind were written */
    public Map<String, Long> write(String userId, OutputStream out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (TraderData kind : registry.aboutTrader()) {
                zip.putNextEntry(new ZipEntry(kind.name() + ".jsonl"));
                counts.put(kind.name(), writeKind(kind, userId, zip));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest(userId, counts, zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private long writeKind(TraderData kind, String userId, OutputStream entry) throws IOException {
        long written = 0;
        for (List<StoredItem> page : kind.source().pages(items, userId, null)) {
            for (StoredItem item : page) {
                JsonGenerator json = Json.MAPPER.getFactory().createGenerator(entry, JsonEncoding.UTF8);
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                ItemJson.write(json, item, kind.hidden());
                json.flush();
                entry.write('\n');
                written++;
            }
        }
        return written;
    }

    private void manifest(String userId, Map<String, Long> counts, OutputStream entry) throws IOException {
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(entry, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("traderId", userId);
        json.writeStringField("exportedAt", clock.instant().toString());
        json.writeArrayFieldStart("files");
        for (TraderData kind : registry.aboutTrader()) {
            json.writeStartObject();
            json.writeStringField("file", kind.name() + ".jsonl");
            json.writeNumberField("items", counts.get(kind.name()));
            json.writeStringField("onDeletion", kind.erasure().name().toLowerCase(java.util.Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
