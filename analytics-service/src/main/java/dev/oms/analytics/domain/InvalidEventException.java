package dev.oms.analytics.domain;

/** An event that breaks the contract analytics relies on; applying it would corrupt the KPIs, retrying cannot help. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
