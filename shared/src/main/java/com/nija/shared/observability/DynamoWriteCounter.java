package com.nija.shared.observability;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * Counts the DynamoDB item writes this process made (PutItem, UpdateItem, DeleteItem, each item of a
 * BatchWriteItem): the engine's cost per order, which benchmarks report and the capacity plan relies on. Also counts
 * every DynamoDB call, reads included: on a local DynamoDB that serves calls one at a time, calls are the budget.
 */
@Singleton
public class DynamoWriteCounter implements ExecutionInterceptor {
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation == null) return;
        calls.incrementAndGet();
        switch (operation) {
            case "PutItem", "UpdateItem", "DeleteItem" -> writes.incrementAndGet();
            case "BatchWriteItem" -> {
                if (context.request() instanceof BatchWriteItemRequest batch) {
                    batch.requestItems().values().forEach(list -> writes.addAndGet(list.size()));
                }
            }
            default -> { }
        }
    }

    public long writes() {
        return writes.get();
    }

    /** DynamoDB API calls of any kind (a BatchGetItem is one). */
    public long calls() {
        return calls.get();
    }
}
