package dev.oms.notification.rest;

import dev.oms.notification.service.NotificationFilter;
import dev.oms.notification.service.NotificationQueries;
import dev.oms.platform.rest.Page;
import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The notification history (one row per event and channel) and its report. Filters are optional: orderId,
 * customerId, type, status, and from (inclusive) / to (exclusive) as ISO-8601 UTC instants on the creation time.
 */
@Path("/notifications")
public class NotificationResource {

    private final NotificationQueries queries;

    public NotificationResource(NotificationQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.SUPPORT)
    @Operation(summary = "Notifications, newest first")
    @APIResponse(responseCode = "400", description = "A filter that does not parse, or a page size above 200; "
            + "'field' names the parameter")
    public Page<NotificationView> list(@QueryParam("orderId") @Size(max = 36) String orderId,
                                       @QueryParam("customerId") @Size(max = 36) String customerId,
                                       @QueryParam("type") @Size(max = 30) String type,
                                       @QueryParam("status") @Size(max = 10) String status,
                                       @QueryParam("from") @Size(max = 40) String from,
                                       @QueryParam("to") @Size(max = 40) String to,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        NotificationFilter filter = NotificationFilterParams.parse(orderId, customerId, type, status, from, to);
        NotificationQueries.Slice slice = queries.list(filter, page, size);
        return new Page<>(slice.items().stream().map(NotificationView::of).toList(), page, size, slice.total());
    }

    @GET
    @Path("/report")
    @RolesAllowed({Roles.SUPPORT, Roles.ANALYST})
    @Operation(summary = "Counts by type and status, and the success rate SENT / (SENT + FAILED)")
    @APIResponse(responseCode = "400", description = "A filter that does not parse; 'field' names the parameter")
    public NotificationReport report(@QueryParam("orderId") @Size(max = 36) String orderId,
                                     @QueryParam("customerId") @Size(max = 36) String customerId,
                                     @QueryParam("type") @Size(max = 30) String type,
                                     @QueryParam("status") @Size(max = 10) String status,
                                     @QueryParam("from") @Size(max = 40) String from,
                                     @QueryParam("to") @Size(max = 40) String to) {
        NotificationFilter filter = NotificationFilterParams.parse(orderId, customerId, type, status, from, to);
        return NotificationReport.of(queries.countsByTypeAndStatus(filter));
    }
}
