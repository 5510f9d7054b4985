package dev.oms.infra;

/**
 * A local dependency (MariaDB/MySQL, Redis) is not reachable. The message names host:port and what to run; there is
 * deliberately no stack trace, since the stack says nothing about the fix.
 */
public class InfraUnavailableException extends RuntimeException {

    public InfraUnavailableException(String message) {
        super(message, null, false, false);
    }
}
