package dev.oms.order.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.platform.rest.DateRange;
import dev.oms.order.service.OrderQueries;
import dev.oms.platform.rest.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

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
    @RolesAllowed(Roles.ANALYST)
    public List<PaidDay> paidDaily(@QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null || from.isBlank()) {
            throw ProblemException.badRequest("from", "'from' is required (YYYY-MM-DD)");
        }
        if (to == null || to.isBlank()) {
            throw ProblemException.badRequest("to", "'to' is required (YYYY-MM-DD)");
        }
        return orders.paidDaily(DateRange.parse(from, to, MAX_DAYS));
    }
}
