package dev.oms.events;

/** A record that is not a readable OMS event: it belongs in the topic's dead-letter queue, not in a retry loop. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
