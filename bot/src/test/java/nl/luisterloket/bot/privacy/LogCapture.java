package nl.luisterloket.bot.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;

/**
 * Captures every log line of the process at every level while open: Logback (SLF4J) on the root
 * logger at TRACE, with every configured logger opened up to TRACE, and java.util.logging.
 */
final class LogCapture implements AutoCloseable {

    /** One captured line: level, logger, the formatted message and everything in its exception chain. */
    record Line(String level, boolean infoOrAbove, String logger, String text) {
    }

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> levels = new HashMap<>();
    private final List<LogRecord> julRecords = new ArrayList<>();
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel = julRoot.getLevel();
    private final Handler julHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (julRecords) {
                julRecords.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        for (Logger logger : context.getLoggerList()) {
            levels.put(logger, logger.getLevel());
            if (logger.getLevel() != null) {
                logger.setLevel(Level.TRACE);
            }
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.TRACE);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        julRoot.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(julHandler);
    }

    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        synchronized (appender.list) {
            for (ILoggingEvent event : appender.list) {
                StringBuilder text = new StringBuilder(event.getFormattedMessage());
                for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    text.append("\n").append(cause.getClassName()).append(": ").append(cause.getMessage());
                    for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
                        text.append("\n\t").append(frame.getSTEAsString());
                    }
                }
                lines.add(new Line(event.getLevel().toString(), event.getLevel().isGreaterOrEqual(Level.INFO), event.getLoggerName(),
                        text.toString()));
            }
        }
        synchronized (julRecords) {
            for (LogRecord record : julRecords) {
                StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append(' ').append(parameter);
                    }
                }
                for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
                    text.append("\n").append(cause);
                }
                lines.add(new Line(record.getLevel().getName(), record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue(),
                        record.getLoggerName(), text.toString()));
            }
        }
        return lines;
    }

    @Override
    public void close() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        appender.stop();
        levels.forEach(Logger::setLevel);
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(julLevel);
    }
}
