package dev.oms.order.rest;

import dev.oms.order.domain.OrderStatus;
import dev.oms.order.service.OrderQueries;
import dev.oms.platform.rest.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

@Path("/orders")
public class OrderResource {

    private final OrderQueries orders;

    public OrderResource(OrderQueries orders) {
        this.orders = orders;
    }

    @GET
    @Path("/{orderId}")
    public OrderView get(@PathParam("orderId") UUID orderId) {
        var order = orders.get(orderId);
        return OrderView.detail(order, orders.history(orderId));
    }

    @GET
    public Page<OrderView> list(@QueryParam("status") String status,
                                @QueryParam("customer") String customerEmail,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var slice = orders.list(parseStatus(status), customerEmail, page, size);
        return new Page<>(slice.items().stream().map(OrderView::summary).toList(), page, size, slice.total());
    }

    private static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "unknown status '" + status + "'; one of "
                    + Arrays.toString(OrderStatus.values()));
        }
    }

    @GET
    @Path("/stats")
    public OrderStats stats() {
        return orders.stats();
    }
}
