package com.nija.shared.engine;

import com.nija.shared.config.NijaConfig;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends work to the two queues: accepted signals (fan-out) and per-trader orders (FIFO: MessageGroupId = user id
 * keeps each trader's orders in order; dedup id = hash(signal, user)). Batches of 10, sent in parallel.
 */
@Singleton
public class WorkQueues {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final NijaConfig config;
    private final ExecutorService senders = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "sqs-sender");
        t.setDaemon(true);
        return t;
    });

    public WorkQueues(SqsClient sqs, NijaConfig config) {
        this.sqs = sqs;
        this.config = config;
    }

    public void enqueueSignal(Signal signal) {
        sqs.sendMessage(b -> b.queueUrl(required(config.getSignalsQueueUrl(), "signals")).messageBody(OrderMessages.write(signal)));
    }

    /** Enqueues every request; returns how many SQS refused (they are logged by the caller and retried by it). */
    public int enqueueOrders(List<OrderRequest> requests) {
        String url = required(config.getOrdersQueueUrl(), "orders");
        List<CompletableFuture<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<OrderRequest> slice = requests.subList(from, Math.min(requests.size(), from + BATCH));
            batches.add(CompletableFuture.supplyAsync(() -> send(url, slice), senders));
        }
        return batches.stream().mapToInt(CompletableFuture::join).sum();
    }

    private int send(String url, List<OrderRequest> slice) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < slice.size(); i++) {
            OrderRequest r = slice.get(i);
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(OrderMessages.write(r))
                    .messageGroupId(r.userId())
                    .messageDeduplicationId(OrderMessages.dedupId(r.requestId(), r.userId()))
                    .build());
        }
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        return response.failed().size();
    }

    private static String required(String url, String queue) {
        if (url == null) throw new IllegalStateException("no URL configured for the " + queue + " queue");
        return url;
    }
}
