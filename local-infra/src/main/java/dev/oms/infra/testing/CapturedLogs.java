package dev.oms.infra.testing;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/** The lines one log category writes while open, each with its MDC, for tests of what the logs say. */
public final class CapturedLogs implements AutoCloseable {

    public record Line(String message, Map<String, String> mdc) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final ExtHandler handler = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            lines.add(new Line(record.getFormattedMessage(), Map.copyOf(record.getMdcCopy())));
        }
    };

    private CapturedLogs(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(handler);
    }

    public static CapturedLogs of(Class<?> category) {
        return new CapturedLogs(category.getName());
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
