package dev.oms.imports.domain;

import dev.oms.events.Ids;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** How the cells every format shares are checked and converted; each throws {@link InvalidCellException}. */
final class CellRules {

    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    /** The MySQL DATETIME text Laravel writes, e.g. {@code 2024-05-01 10:15:30}. */
    private static final DateTimeFormatter SQL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CellRules() {
    }

    /** The normalized (trimmed, lower-case) email. */
    static String email(String value) {
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            throw new InvalidCellException("is not a valid email address, got '" + value + "'");
        }
        return Ids.normalizeEmail(value);
    }

    static int quantity(String value) {
        if (!INTEGER.matcher(value).matches()) {
            throw new InvalidCellException("must be a whole number, got '" + value + "'");
        }
        return positiveInt(new BigInteger(value), value);
    }

    static int positiveInt(BigInteger quantity, String text) {
        if (quantity.signum() <= 0) {
            throw new InvalidCellException("must be positive, got '" + text + "'");
        }
        if (quantity.bitLength() >= Integer.SIZE) {
            throw new InvalidCellException("is too large, got '" + text + "'");
        }
        return quantity.intValue();
    }

    /**
     * An instant with a zone offset, a date (the start of that day in UTC) or a Laravel/MySQL date-time
     * ({@code 2024-05-01 10:15:30}, taken as UTC).
     */
    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                try {
                    return LocalDateTime.parse(value, SQL_DATE_TIME).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADateTime) {
                    throw new InvalidCellException("must be an ISO-8601 instant with offset (2024-05-01T10:15:30Z), "
                            + "a date (2024-05-01) or a date-time in UTC (2024-05-01 10:15:30), got '" + value + "'");
                }
            }
        }
    }

    /** Whether {@code unitPrice × quantity} does not fit a long. */
    static boolean lineTotalOverflows(long unitPrice, int quantity) {
        try {
            Math.multiplyExact(unitPrice, quantity);
            return false;
        } catch (ArithmeticException e) {
            return true;
        }
    }
}
