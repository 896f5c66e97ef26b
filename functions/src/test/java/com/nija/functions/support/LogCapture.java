package com.nija.functions.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** What one class logs while it is open: the lines an operator would read, by level. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private LogCapture(Class<?> source) {
        super("capture-" + source.getName(), null, null, true, Property.EMPTY_ARRAY);
        this.logger = (Logger) LogManager.getLogger(source);
        start();
        logger.addAppender(this);
    }

    public static LogCapture of(Class<?> source) {
        return new LogCapture(source);
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

    /** True when any line carried an exception (its stack trace would be printed). */
    public boolean anyStackTrace() {
        return events.stream().anyMatch(e -> e.getThrown() != null);
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}
