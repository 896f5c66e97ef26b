package com.nija.local.drill;

import com.nija.shared.data.TableDefinition;
import com.nija.shared.data.TableProvisioner;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A table's items out to a file of DynamoDB JSON lines, the table dropped and re-created, and the items written back. */
final class TableCopy {
    /** BatchWriteItem's limit per request. */
    private static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient client;
    private final String table;

    TableCopy(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** Scans every page (consistent reads) into {@code file}; returns the number of items. */
    long export(Path file) throws IOException {
        long items = 0;
        Map<String, AttributeValue> start = null;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    out.write(DynamoJson.write(item));
                    out.newLine();
                    items++;
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return items;
    }

    /** Deletes the table and creates it again, empty, from its definition (indexes, TTL). */
    void recreate(TableDefinition definition) {
        client.deleteTable(b -> b.tableName(table));
        client.waiter().waitUntilTableNotExists(b -> b.tableName(table));
        new TableProvisioner(client).ensure(definition, table);
    }

    /** Writes every item of {@code file} back, 25 per BatchWriteItem, retrying what DynamoDB leaves unprocessed. */
    long restore(Path file) throws IOException {
        long items = 0;
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(DynamoJson.read(line)).build()).build());
                items++;
                if (batch.size() == BATCH) {
                    write(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) write(batch);
        return items;
    }

    private void write(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " items still unprocessed after " + MAX_ATTEMPTS + " attempts");
            }
            if (attempt > 1) backOff(attempt);
            List<WriteRequest> request = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, request)));
            pending = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /** Unprocessed items mean the table is throttling: wait 50 ms, 100 ms, … before asking again. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(50L << Math.min(attempt - 2, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring", e);
        }
    }
}
