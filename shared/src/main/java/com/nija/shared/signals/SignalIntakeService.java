package com.nija.shared.signals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.data.Keys;
import com.nija.shared.data.SignalItem;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.WorkQueues;
import com.nija.shared.json.Json;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.ratelimit.Quota;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Signal intake: authenticate, validate, record once, then send the orders of a signal with few subscribers itself
 * (bounded in subscribers and time, see {@link FanoutService#fanOutInline}) or enqueue it for the fan-out function —
 * nothing slow, so the answer is back well inside TradingView's 3 s. The conditional record makes a repeated signal
 * a no-op that returns the first answer. If neither way works the record is removed again, so the sender's retry is
 * not mistaken for a duplicate.
 */
@Singleton
public class SignalIntakeService {
    private static final Logger LOG = LoggerFactory.getLogger(SignalIntakeService.class);
    static final Duration DEDUP_RETENTION = Duration.ofDays(7);

    private final SignalAuthenticator auth;
    private final SignalRepository signals;
    private final WorkQueues queues;
    private final FanoutService fanout;
    private final NijaConfig config;
    private final Clock clock;
    private final Instruments instruments;
    private final SourceRateLimits limits;
    private final SourceActivity activity;

    public SignalIntakeService(SignalAuthenticator auth, SignalRepository signals, WorkQueues queues, FanoutService fanout,
                               NijaConfig config, Clock clock, Instruments instruments, SourceRateLimits limits,
                               SourceActivity activity) {
        this.activity = activity;
        this.instruments = instruments;
        this.limits = limits;
        this.auth = auth;
        this.signals = signals;
        this.queues = queues;
        this.fanout = fanout;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What the intake did with a signal.
     *
     * @param duplicate true when this signal was accepted before; {@code body} is what the first delivery got
     */
    public record Outcome(boolean duplicate, Map<String, Object> body) {}

    /**
     * An HTTP sender's answer.
     *
     * @param duplicate true when this signal was accepted before; {@code body} is what the first delivery got
     * @param quota     the source's rate limit after this request
     */
    public record Intake(boolean duplicate, Map<String, Object> body, Quota quota) {}

    /**
     * A signal sent over HTTP: authenticated, then counted against its source's rate limit.
     *
     * @throws com.nija.shared.ratelimit.RateLimitedException (429) the source used its allowance: nothing is parsed,
     *                                                        recorded or sent
     */
    public Intake accept(String rawBody, Optional<String> sourceHeader, Optional<String> signatureHeader) {
        Instant now = clock.instant();
        JsonNode json = parseJson(rawBody);
        VerifiedSource source = auth.authenticate(sourceHeader, signatureHeader, text(json, "source"), text(json, "secret"),
                rawBody, "SIGNALS", now);
        Quota quota = limits.admit(source);
        Outcome outcome = accept(json, source, rawBody, now);
        return new Intake(outcome.duplicate(), outcome.body(), quota);
    }

    /**
     * A signal of one of the platform's own strategies (APEX's scheduled scan), which runs inside the platform and
     * holds no secret: it passes the same checks, deduplication and fan-out as any sender's, provided its source is
     * registered and enabled for signals (an operator disables it like any source; traders subscribe to it).
     *
     * <p>Not counted against the source's rate limit. That limit guards the HTTP intake against a sender flooding it
     * (and answers with 429 for the sender to retry); a platform strategy sends at most one signal per market it
     * trades per candle close, set by its own versioned parameters, and a refusal here would be a strategy decision
     * lost with no one to retry it (its schedule is never retried). An HTTP sender using the same source id is
     * still limited, and spends none of its allowance on these.
     *
     * @throws SignalAuthException when {@code sourceId} is not an enabled signal source
     */
    public Outcome acceptFromPlatform(String sourceId, String rawBody) {
        Instant now = clock.instant();
        JsonNode json = parseJson(rawBody);
        VerifiedSource source = auth.platformSource(sourceId, now);
        return accept(json, source, rawBody, now);
    }

    private Outcome accept(JsonNode json, VerifiedSource source, String rawBody, Instant now) {
        Signal signal;
        try {
            signal = SignalParser.parse(json, source.sourceId(), rawBody, now, instruments);
        } catch (StaleSignalException stale) {
            Telemetry.count("SignalStale");
            throw stale;
        }
        if (source.strategies() != null && !source.strategies().contains("*")
                && !source.strategies().contains(signal.strategy())) {
            throw new InvalidInputException(java.util.List.of(new InvalidInputException.Violation("strategy",
                    "source " + source.sourceId() + " may not send strategy " + signal.strategy())), true);
        }
        Map<String, Object> answer = Map.of("signalId", signal.signalId(), "status", "accepted",
                "symbol", signal.symbol(), "action", signal.action().name().toLowerCase(), "receivedAt", now.toString());
        SignalItem item = new SignalItem(Keys.signal(signal.signalId()), "SIGNAL", signal.signalId(), source.sourceId(),
                signal.strategy(), signal.symbol(), signal.action().name(), OrderMessages.write(signal),
                OrderMessages.write(answer), now, now.plus(DEDUP_RETENTION).getEpochSecond());
        if (!signals.recordOnce(item)) {
            Telemetry.count("SignalDuplicate");
            return new Outcome(true, firstAnswer(signal.signalId()));
        }
        try {
            if (!fannedOutInline(signal)) queues.enqueueSignal(signal);
        } catch (SdkException | IllegalStateException e) {
            signals.forget(item);
            throw e;
        }
        Telemetry.count("SignalAccepted");
        activity.heard(source, now); // after acceptance: a refused signal leaves nothing behind
        return new Outcome(false, answer);
    }

    private boolean fannedOutInline(Signal signal) {
        if (config.getInlineFanoutMax() <= 0) return false;
        try {
            return fanout.fanOutInline(signal, config.getInlineFanoutMax(),
                    Duration.ofMillis(config.getInlineFanoutBudgetMillis()));
        } catch (RuntimeException e) {
            // The fan-out function will do it (again): whatever was sent here is dropped there by deduplication id.
            LOG.warn("inline fan-out of signal {} failed, handing it to the fan-out function: {}", signal.signalId(),
                    e.toString());
            return false;
        }
    }

    private Map<String, Object> firstAnswer(String signalId) {
        SignalItem first = signals.find(signalId).orElseThrow(() -> new IllegalStateException("signal " + signalId
                + " was recorded and is gone"));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = Json.MAPPER.readValue(first.response(), Map.class);
            return body;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer unreadable", e);
        }
    }

    private static JsonNode parseJson(String raw) {
        return Json.readTree(raw).filter(JsonNode::isObject).orElseThrow(() -> InvalidInputException.of("body",
                "a signal must be a JSON object; TradingView sends text/plain when the alert message is not valid JSON"
                        + " — check the alert's message template"));
    }

    private static Optional<String> text(JsonNode json, String field) {
        return Optional.ofNullable(SignalParser.text(json, field, null));
    }
}
