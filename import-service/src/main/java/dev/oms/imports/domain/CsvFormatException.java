package dev.oms.imports.domain;

/** The file as a whole cannot be imported (unknown header, unreadable CSV): the job fails with this message. */
public class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
