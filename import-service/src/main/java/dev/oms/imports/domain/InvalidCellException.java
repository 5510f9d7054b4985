package dev.oms.imports.domain;

/** A cell's value is unusable; the message is the reason shown to the user, without the column name. */
public class InvalidCellException extends RuntimeException {

    public InvalidCellException(String reason) {
        super(reason, null, false, false);
    }
}
