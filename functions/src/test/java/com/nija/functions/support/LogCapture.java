package com.nija.functions.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** What one class (or every class) logs while it is open: the lines an operator would read, by level. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level rootLevelBefore;

    private LogCapture(String name, Logger logger) {
        super("capture-" + name, null, null, true, Property.EMPTY_ARRAY);
        this.logger = logger;
        this.rootLevelBefore = null;
        start();
        logger.addAppender(this);
        // Adding an appender gives the logger a configuration of its own; it must keep passing lines on to the root,
        // or once this capture is closed the logger's lines would reach no appender at all (and no later capture).
        if (!logger.getName().isEmpty()) logger.setAdditive(true);
    }

    /** Every logger that reaches the root, with the root lowered to DEBUG meanwhile (what a debugging operator sees). */
    private LogCapture() {
        super("capture-everything", null, null, true, Property.EMPTY_ARRAY);
        this.logger = null;
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        this.rootLevelBefore = root.getLevel();
        start();
        root.addAppender(this, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        context.updateLoggers();
    }

    public static LogCapture of(Class<?> source) {
        return named(source.getName());
    }

    /** A logger by name (a class this package cannot see). */
    public static LogCapture named(String loggerName) {
        return new LogCapture(loggerName, (Logger) LogManager.getLogger(loggerName));
    }

    /** Captures what every class logs, at DEBUG and above, until closed. */
    public static LogCapture everything() {
        return new LogCapture();
    }

    /** Every line at every level, with the messages and stack traces of any exception it carried. */
    public List<String> allText() {
        List<String> out = new java.util.ArrayList<>();
        for (LogEvent e : events) {
            out.add(e.getMessage().getFormattedMessage());
            for (Throwable t = e.getThrown(); t != null; t = t.getCause()) {
                java.io.StringWriter trace = new java.io.StringWriter();
                t.printStackTrace(new java.io.PrintWriter(trace));
                out.add(trace.toString());
            }
            out.add(String.valueOf(e.getContextData()));
        }
        return out;
    }

    @Override
    public void append(LogEvent event) {
        events.add(event.toImmutable());
    }

    /** The formatted messages logged at {@code level}. */
    public List<String> messages(Level level) {
        return events.stream().filter(e -> e.getLevel().equals(level)).map(e -> e.getMessage().getFormattedMessage())
                .toList();
    }

    /** The context (MDC) each line at {@code level} carried: its structured fields in the JSON layout. */
    public List<Map<String, String>> contexts(Level level) {
        return events.stream().filter(e -> e.getLevel().equals(level)).map(e -> e.getContextData().toMap()).toList();
    }

    /** Everything a reader of the logs would see of each line: message, context fields, exception messages. */
    public List<String> fullText() {
        return events.stream().map(e -> {
            StringBuilder text = new StringBuilder(e.getMessage().getFormattedMessage())
                    .append(' ').append(e.getContextData().toMap());
            for (Throwable t = e.getThrown(); t != null; t = t.getCause()) text.append(' ').append(t);
            return text.toString();
        }).toList();
    }

    /** True when any line carried an exception (its stack trace would be printed). */
    public boolean anyStackTrace() {
        return events.stream().anyMatch(e -> e.getThrown() != null);
    }

    @Override
    public void close() {
        if (logger != null) {
            logger.removeAppender(this);
        } else {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            LoggerConfig root = context.getConfiguration().getRootLogger();
            root.removeAppender(getName());
            root.setLevel(rootLevelBefore);
            context.updateLoggers();
        }
        stop();
    }
}
