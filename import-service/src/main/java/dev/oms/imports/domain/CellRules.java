package dev.oms.imports.domain;

import dev.oms.events.Ids;

import java.math.BigInteger;
import java.time.DateTimeException;
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
            throw new InvalidCellException("is not a valid email address" + InvalidCellException.got(value));
        }
        return Ids.normalizeEmail(value);
    }

    static int quantity(String value) {
        // The usual case, a few digits, without a regex or a BigInteger: imports read millions of quantities.
        if (!value.isEmpty() && value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int quantity = Integer.parseInt(value);
            if (quantity > 0) {
                return quantity;
            }
        }
        if (!INTEGER.matcher(value).matches()) {
            throw new InvalidCellException("must be a whole number" + InvalidCellException.got(value));
        }
        return positiveInt(new BigInteger(value), value);
    }

    static int positiveInt(BigInteger quantity, String text) {
        if (quantity.signum() <= 0) {
            throw new InvalidCellException("must be positive" + InvalidCellException.got(text));
        }
        if (quantity.bitLength() >= Integer.SIZE) {
            throw new InvalidCellException("is too large" + InvalidCellException.got(text));
        }
        return quantity.intValue();
    }

    /**
     * An instant with a zone offset, a date (the start of that day in UTC) or a Laravel/MySQL date-time
     * ({@code 2024-05-01 10:15:30}, taken as UTC).
     */
    static Instant instant(String value) {
        Instant plain = plainUtcSeconds(value);
        if (plain != null) {
            return plain;
        }
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
                            + "a date (2024-05-01) or a date-time in UTC (2024-05-01 10:15:30)"
                            + InvalidCellException.got(value));
                }
            }
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ}, the usual export format, read without a date-time parser; null for any other
     * text (or an impossible date), which the full parsers then handle.
     */
    private static Instant plainUtcSeconds(String value) {
        if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The number written in {@code text[from, to)}, or -1 if that is not all ASCII digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
