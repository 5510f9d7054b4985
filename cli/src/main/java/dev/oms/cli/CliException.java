package dev.oms.cli;

/**
 * An expected failure (a service refused the request, is not running, a file is unreadable): the message is
 * printed as {@code error: <message>} and the command exits with 1, without a stack trace.
 */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
