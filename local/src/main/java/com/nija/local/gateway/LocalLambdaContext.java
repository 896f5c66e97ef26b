package com.nija.local.gateway;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda {@link Context} the local platform passes to a handler: the request id, the function's name, the time
 * left before the caller gives up, and a {@link LambdaLogger} that writes to slf4j (logger
 * {@code nija.lambda.<function>}).
 */
public final class LocalLambdaContext implements Context {
    /** Memory the local function pretends to have. */
    public static final int MEMORY_LIMIT_MB = 1024;
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final Map<String, LambdaLogger> LOGGERS = new ConcurrentHashMap<>();

    private final String awsRequestId;
    private final String functionName;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    /** A context whose remaining time counts down from {@code timeout}, starting now. */
    public LocalLambdaContext(String awsRequestId, String functionName, Duration timeout) {
        this(awsRequestId, functionName, System.nanoTime() + timeout.toNanos(), loggerFor(functionName));
    }

    LocalLambdaContext(String awsRequestId, String functionName, long deadlineNanos, LambdaLogger logger) {
        this.awsRequestId = Objects.requireNonNull(awsRequestId, "awsRequestId");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.deadlineNanos = deadlineNanos;
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** The slf4j-backed logger of a function, one per function name. */
    public static LambdaLogger loggerFor(String functionName) {
        return LOGGERS.computeIfAbsent(functionName, Slf4jLambdaLogger::new);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_LIMIT_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String toString() {
        return "LocalLambdaContext[" + functionName + ", " + awsRequestId + "]";
    }

    private static final class Slf4jLambdaLogger implements LambdaLogger {
        private final Logger log;

        Slf4jLambdaLogger(String functionName) {
            this.log = LoggerFactory.getLogger("nija.lambda." + functionName);
        }

        @Override
        public void log(String message) {
            log(message, LogLevel.INFO);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8), LogLevel.INFO);
        }

        @Override
        public void log(byte[] message, LogLevel level) {
            log(new String(message, StandardCharsets.UTF_8), level);
        }

        @Override
        public void log(String message, LogLevel level) {
            String text = message == null ? "null" : message.stripTrailing();
            switch (level == null ? LogLevel.UNDEFINED : level) {
                case TRACE -> log.trace(text);
                case DEBUG -> log.debug(text);
                case WARN -> log.warn(text);
                case ERROR, FATAL -> log.error(text);
                default -> log.info(text);
            }
        }
    }
}
