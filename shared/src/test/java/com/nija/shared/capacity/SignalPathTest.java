package com.nija.shared.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalPathTest {
    /**
     * Round figures so every expectation below can be worked out by hand: an order costs 3 DynamoDB rounds × 10 ms +
     * 3 Redis rounds × 1 ms + 2 calls × 1 ms of CPU (memory buys a whole vCPU) = 35 ms.
     */
    static CitedFigures aws() {
        return figures(Map.of("latency.dynamodb-call-ms", 10.0, "latency.redis-call-ms", 1.0, "latency.sqs-call-ms", 20.0,
                "latency.sqs-to-lambda-ms", 100.0, "latency.api-gateway-overhead-ms", 30.0,
                "lambda.memory-per-vcpu-mb", 1024.0, "lambda.sqs-max-concurrency", 1000.0, "sqs.batch-size", 10.0));
    }

    static CitedFigures measured() {
        return figures(Map.of("order.dynamodb-rounds", 3.0, "order.redis-rounds", 3.0, "order.dynamodb-calls-close", 2.0,
                "cpu.dynamodb-call-ms", 1.0, "order.push-post-ms", 0.0, "signal.intake-dynamodb-calls", 1.0,
                "signal.inline-fanout-max", 100.0, "signal.fanout-senders", 8.0));
    }

    static CitedFigures figures(Map<String, Double> values) {
        Map<String, CitedFigures.Figure> f = new LinkedHashMap<>();
        values.forEach((k, v) -> f.put(k, new CitedFigures.Figure(k, v, "unit", "test", false)));
        return new CitedFigures("test", f);
    }

    private final SignalPath path = new SignalPath(aws(), measured(), 1024);

    @Test
    @DisplayName("One order costs its DynamoDB and Redis rounds plus the CPU of its calls")
    void orderServiceTime() {
        assertThat(path.orderServiceMs()).isCloseTo(35.0, within(1e-9));
    }

    @Test
    @DisplayName("Below 1,769 MB a function gets part of a vCPU, so the same work takes longer")
    void smallerMemoryStretchesCpu() {
        SignalPath half = new SignalPath(aws(), measured(), 512);
        assertThat(half.orderServiceMs()).isCloseTo(33 + 2 * 2.0, within(1e-9));
    }

    @ParameterizedTest(name = "{0} followers at concurrency {1}: p99 {2} ms")
    @CsvSource({
            // followers, concurrency, expected p99: enqueued + invocation rounds × 100 + orders ahead × 35
            "1, 2, 196",       // 30 + 11 + 20 = 61; k=1, c=1: 1 round, 1 order
            "10, 2, 336",      // 61; k=10, c=2, batch 5: 1 round, 5 orders ahead
            "100, 10, 531",    // 30 + 11 + ceil(10/8)=2 × 20 = 81; k=99, batch 10: 1 round, 10 ahead
            "100, 50, 251",    // 81; k=99, c=50, batch 2: 1 round, 2 ahead
            "1000, 50, 1322",  // fan-out: 30 + 11 + 20 + 100 + 1 + ceil(100/8)=13 × 20 = 422; k=990: 2 rounds, 20 ahead
            "1000, 1000, 557"  // 422; c=1000, batch 1: 1 round, 1 order ahead
    })
    void p99ByHand(int followers, int concurrency, double expected) {
        assertThat(path.p99Ms(followers, concurrency)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "{0} followers: concurrency beyond the number of traders buys nothing")
    @CsvSource({"5", "40", "300"})
    void fifoGroupsCapConcurrency(int followers) {
        assertThat(path.p99Ms(followers, followers + 100)).isEqualTo(path.p99Ms(followers, followers));
    }

    @ParameterizedTest(name = "{0} followers, target {1} ms: the smallest concurrency that meets it")
    @CsvSource({"100, 2000", "1000, 2000", "1000, 1000", "5000, 2000", "2000, 2000"})
    void recommendationIsTheSmallestThatMeetsTheTarget(int followers, double target) {
        int c = path.recommendedConcurrency(followers, target).orElseThrow();
        assertThat(path.p99Ms(followers, c)).isLessThanOrEqualTo(target);
        if (c > 2) assertThat(path.p99Ms(followers, c - 1)).isGreaterThan(target);
    }

    @ParameterizedTest(name = "{0} followers, target {1} ms: out of reach")
    @CsvSource({"1000, 200", "20000, 2000", "100000, 2000"})
    void noRecommendationWhenTheTargetIsOutOfReach(int followers, double target) {
        assertThat(path.recommendedConcurrency(followers, target)).isEmpty();
    }
}
