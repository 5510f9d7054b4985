package dev.oms.platform.messaging;

/**
 * Thrown by a handler for a record that can never be applied (invalid by the contract). Such a record goes to
 * the topic's dead-letter queue instead of being retried in place.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
