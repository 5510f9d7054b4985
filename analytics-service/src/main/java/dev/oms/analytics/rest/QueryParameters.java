package dev.oms.analytics.rest;

import dev.oms.platform.rest.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses query parameters by hand: a JAX-RS conversion failure of a query parameter is a 404, but a bad value is
 * the client's mistake and must be a 400 naming the parameter.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO date ({@code 2026-11-22}), or empty when the parameter is absent or blank. */
    static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a date of the form YYYY-MM-DD");
        }
    }

    /** An integer within [min, max], or {@code defaultValue} when the parameter is absent or blank. */
    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not an integer between " + min + " and " + max);
        }
        if (parsed < min || parsed > max) {
            throw ProblemException.badRequest(name, name + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }
}
