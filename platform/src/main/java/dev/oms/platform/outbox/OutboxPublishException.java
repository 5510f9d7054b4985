package dev.oms.platform.outbox;

/** Kafka refused some rows of a batch; they stay pending and are sent again. */
public class OutboxPublishException extends RuntimeException {

    public OutboxPublishException(int failed, int batch, Throwable cause) {
        super(failed + " of " + batch + " outbox records were not acknowledged by Kafka", cause);
    }
}
