package dev.oms.order.rest;

import dev.oms.platform.rest.Page;
import dev.oms.order.domain.OrderStatus;
import dev.oms.platform.rest.DateRange;
import dev.oms.order.service.OrderCommands;
import dev.oms.order.service.OrderIntake;
import dev.oms.order.service.OrderQueries;
import dev.oms.platform.rest.ProblemException;
import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

@Path("/orders")
public class OrderResource {

    private static final int MAX_RANGE_DAYS = 366;

    private final OrderQueries orders;
    private final OrderIntake intake;
    private final OrderCommands commands;
    private final CustomerAccess access;

    public OrderResource(OrderQueries orders, OrderIntake intake, OrderCommands commands, CustomerAccess access) {
        this.orders = orders;
        this.intake = intake;
        this.commands = commands;
        this.access = access;
    }

    /**
     * Places an order (interactive lane). The answer comes before the saga runs: follow it at the Location.
     * With an {@code Idempotency-Key}, a repeated request returns the first answer; the same key with another
     * body is refused with 422. A shop order id that already names an order is refused with 409. A customer places
     * orders for their own email only.
     */
    @POST
    @RolesAllowed({Roles.SUPPORT, Roles.CUSTOMER})
    @APIResponse(responseCode = "202", description = "Accepted: the saga runs; follow it at Location")
    @APIResponse(responseCode = "409", description = "An order with this externalOrderId already exists (orderId names it)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Response place(@Valid @NotNull PlaceOrderRequest request,
                          @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey) {
        access.checkMayPlaceFor(request.customer().email());
        PlacedOrder placed = intake.place(request, idempotencyKey);
        return Response.accepted(placed).location(URI.create("/orders/" + placed.orderId())).build();
    }

    @POST
    @Path("/{orderId}/cancel")
    @RolesAllowed(Roles.SUPPORT)
    public StatusChange cancel(@PathParam("orderId") UUID orderId, @QueryParam("reason") @Size(max = 500) String reason) {
        return new StatusChange(orderId, commands.cancel(orderId, reason));
    }

    @POST
    @Path("/{orderId}/ship")
    @RolesAllowed(Roles.SUPPORT)
    public StatusChange ship(@PathParam("orderId") UUID orderId) {
        return new StatusChange(orderId, commands.ship(orderId));
    }

    @POST
    @Path("/{orderId}/deliver")
    @RolesAllowed(Roles.SUPPORT)
    public StatusChange deliver(@PathParam("orderId") UUID orderId) {
        return new StatusChange(orderId, commands.deliver(orderId));
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.SUPPORT, Roles.CUSTOMER})
    public OrderView get(@PathParam("orderId") UUID orderId) {
        var order = access.checkMayRead(orders.get(orderId));
        return OrderView.detail(order, orders.history(orderId));
    }

    @GET
    @RolesAllowed({Roles.SUPPORT, Roles.CUSTOMER})
    public Page<OrderView> list(@QueryParam("status") String status,
                                @QueryParam("customer") @Size(max = 254) String customer,
                                @QueryParam("from") String from,
                                @QueryParam("to") String to,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        DateRange range = DateRange.parse(from, to, MAX_RANGE_DAYS);
        var slice = orders.list(parseStatus(status), access.customerFilter(customer), range, page, size);
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
    @RolesAllowed({Roles.SUPPORT, Roles.ANALYST})
    public OrderStats stats() {
        return orders.stats();
    }
}
