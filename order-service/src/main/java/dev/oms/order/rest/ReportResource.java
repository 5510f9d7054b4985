package dev.oms.order.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.platform.rest.DateRange;
import dev.oms.order.service.OrderQueries;
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
        return orders.paidDaily(DateRange.parseClosed(from, to, MAX_DAYS));
    }
}
