package dev.oms.platform.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** An inclusive range of UTC days from query parameters; either end may be open, the span is limited. */
public record DateRange(LocalDate first, LocalDate last) {

    public static final DateRange ALL = new DateRange(null, null);

    /** A range whose two ends must be given (a report of days), else 400 naming the missing one. */
    public static DateRange parseClosed(String from, String to, int maxDays) {
        if (from == null || from.isBlank()) {
            throw ProblemException.badRequest("from", "'from' is required (YYYY-MM-DD)");
        }
        if (to == null || to.isBlank()) {
            throw ProblemException.badRequest("to", "'to' is required (YYYY-MM-DD)");
        }
        return parse(from, to, maxDays);
    }

    public static DateRange parse(String from, String to, int maxDays) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                throw ProblemException.badRequest("to", "'to' must not be before 'from'");
            }
            if (ChronoUnit.DAYS.between(first, last) >= maxDays) {
                throw ProblemException.badRequest("to", "the range may span at most " + maxDays + " days");
            }
        }
        return new DateRange(first, last);
    }

    /** Start of the first day, or null when open. */
    public Instant start() {
        return first == null ? null : first.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Start of the day after the last one, or null when open. */
    public Instant endExclusive() {
        return last == null ? null : last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "'" + field + "' must be a date like 2026-11-22, got '" + value + "'");
        }
    }
}
