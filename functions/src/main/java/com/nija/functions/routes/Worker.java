package com.nija.functions.routes;

import com.nija.shared.data.QueueDefinition;

/**
 * A function triggered by a queue rather than HTTP: the event source the CDK app and the local platform wire.
 *
 * @param function       short function name
 * @param handler        the Lambda handler class
 * @param queue          the queue it consumes
 * @param batchSize      records per invocation (SQS allows up to 10 for FIFO)
 * @param maxConcurrency the event source's maximum concurrency: the scaling bound
 */
public record Worker(String function, Class<?> handler, QueueDefinition queue, int batchSize, int maxConcurrency) {}
