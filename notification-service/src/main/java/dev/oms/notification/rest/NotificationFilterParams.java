package dev.oms.notification.rest;

import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.NotificationType;
import dev.oms.notification.service.NotificationFilter;
import dev.oms.platform.rest.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** Reads the filter's query parameters; a value that does not parse is a 400 naming its parameter. */
final class NotificationFilterParams {

    private NotificationFilterParams() {
    }

    static NotificationFilter parse(String orderId, String customerId, String type, String status, String from,
                                    String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.badRequest("to", "'to' must be after 'from'");
        }
        return new NotificationFilter(uuid("orderId", orderId), uuid("customerId", customerId),
                named("type", type, NotificationType.class), named("status", status, DeliveryStatus.class), start, end);
    }

    private static UUID uuid(String field, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "'" + field + "' must be a UUID, got '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E named(String field, String value, Class<E> type) {
        if (absent(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "unknown " + field + " '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant instant(String field, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "'" + field + "' must be an ISO-8601 instant in UTC like "
                    + "2026-11-22T00:00:00Z, got '" + value + "'");
        }
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
