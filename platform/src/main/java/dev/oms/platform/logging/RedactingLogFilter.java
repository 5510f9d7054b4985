package dev.oms.platform.logging;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Rewrites every log message through {@link Redaction} before a handler writes it, whatever logged it: our code,
 * Kafka, Hibernate or a library echoing a request. Installed on the console by platform's configuration.
 */
@LoggingFilter(name = "oms-redaction")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            String masked = Redaction.mask(message);
            if (masked != null && !masked.equals(message)) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }
}
