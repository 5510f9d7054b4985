package dev.oms.order.rest;

import dev.oms.order.service.OrderQueries;
import dev.oms.platform.rest.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Aggregates other services and operators need, e.g. to reconcile analytics with the orders of record. */
@Path("/reports")
public class ReportResource {

    private static final int MAX_DAYS = 366;

    private final OrderQueries orders;

    public ReportResource(OrderQueries orders) {
        this.orders = orders;
    }

    /** PAID orders per day (UTC, by payment time) from {@code from} to {@code to} inclusive; days without any are left out. */
    @GET
    @Path("/paid-daily")
    public List<PaidDay> paidDaily(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to", "'to' must not be before 'from'");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.badRequest("to", "the range may span at most " + MAX_DAYS + " days");
        }
        return orders.paidDaily(first, last);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "'" + field + "' is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "'" + field + "' must be a date like 2026-11-22, got '" + value + "'");
        }
    }
}
