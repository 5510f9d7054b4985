package dev.oms.imports.domain;

/** A cell's value is unusable; the message is the reason shown to the user, without the column name. */
public class InvalidCellException extends RuntimeException {

    /** Longer values are cut where a reason quotes them: a cell may hold kilobytes. */
    static final int MAX_QUOTED = 100;

    public InvalidCellException(String reason) {
        super(reason, null, false, false);
    }

    /** {@code , got '<value>'}, the value cut after {@value #MAX_QUOTED} characters. */
    static String got(String value) {
        String shown = value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "…";
        return ", got '" + shown + "'";
    }
}
