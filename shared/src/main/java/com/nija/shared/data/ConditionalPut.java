package com.nija.shared.data;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The write that makes retries harmless: an item put only where none with its key exists yet. */
public final class ConditionalPut {
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(pk)").build();

    private ConditionalPut() {}

    /** One PutItem; false (and nothing written) when an item with this key is there already. */
    public static <T> boolean ifAbsent(DynamoDbTable<T> table, T item) {
        try {
            table.putItem(r -> r.item(item).conditionExpression(ABSENT));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }
}
