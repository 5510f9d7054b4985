package dev.oms.imports.messaging;

/** Kafka did not take a record of the import; the job fails with this message. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(Exception cause) {
        super("publishing to Kafka failed: " + cause.getMessage(), cause);
    }
}
