package com.nija.shared.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Several items of one partition in one {@code BatchGetItem}: one request (one signature, one round trip) instead of
 * one {@code GetItem} each, which is where a read of several items spends its CPU and latency.
 */
public final class PartitionBatch {
    /** DynamoDB may leave keys unprocessed when throttled; they are asked for again, a few times, then it fails. */
    private static final int ATTEMPTS = 4;

    private PartitionBatch() {}

    /**
     * The items found under {@code pk} with the given sort keys (at most 100), by sort key; a missing item is absent.
     *
     * @param consistent a strongly consistent read of every item (the batch takes one setting per table)
     */
    public static Map<String, Map<String, AttributeValue>> get(DynamoDbClient client, String table, String pk,
                                                               List<String> sortKeys, boolean consistent) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(sortKeys.size());
        for (String sk : sortKeys) keys.add(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)));
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        KeysAndAttributes pending = KeysAndAttributes.builder().keys(keys).consistentRead(consistent).build();
        for (int attempt = 1; ; attempt++) {
            KeysAndAttributes ask = pending;
            BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(table, ask)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                found.put(item.get("sk").s(), item);
            }
            pending = response.unprocessedKeys().get(table);
            if (pending == null || !pending.hasKeys() || pending.keys().isEmpty()) return found;
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException(pending.keys().size() + " keys still unprocessed after " + ATTEMPTS
                        + " batch reads of " + table);
            }
            backOff(attempt);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(25L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed keys", e);
        }
    }
}
