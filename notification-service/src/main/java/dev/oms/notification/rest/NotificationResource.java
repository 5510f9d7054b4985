package dev.oms.notification.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.notification.domain.Notification;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.UUID;

/** The notification history. Sending them is the notifications issue's work (see README roadmap). */
@Path("/notifications")
public class NotificationResource {

    @GET
    @RolesAllowed(Roles.SUPPORT)
    public List<NotificationView> list(@QueryParam("orderId") UUID orderId,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending);
        var query = orderId == null ? Notification.<Notification>findAll(newestFirst)
                : Notification.<Notification>find("orderId", newestFirst, orderId);
        return query.page(page, size).list().stream().map(NotificationView::of).toList();
    }
}
