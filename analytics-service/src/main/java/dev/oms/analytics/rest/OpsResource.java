package dev.oms.analytics.rest;

import dev.oms.analytics.service.OrderStatsClient;
import dev.oms.analytics.service.QueueDepths;
import dev.oms.platform.rest.Problem;
import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What operators watch: how far each consumer group is behind, and what waits in the dead-letter queues. */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class OpsResource {

    private final QueueDepths queues;
    private final OrderStatsClient orderStats;
    private final JsonWebToken caller;

    public OpsResource(QueueDepths queues, OrderStatsClient orderStats, JsonWebToken caller) {
        this.queues = queues;
        this.orderStats = orderStats;
        this.caller = caller;
    }

    @GET
    @Path("/queues")
    @Operation(summary = "Consumer lag per group and topic, and dead-letter queue sizes",
            description = "Lag = the topic's end offsets less the group's committed offsets, summed over its "
                    + "partitions (records not yet consumed). A dead-letter queue's size is the records it holds.")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public QueueDepths.Depths queues() {
        return queues.read();
    }

    @GET
    @Path("/orders")
    @Operation(summary = "Orders by status, as order-service counts them",
            description = "order-service's GET /orders/stats, asked with the caller's own token.")
    @APIResponse(responseCode = "200", description = "How many orders are in each status, and in all")
    @APIResponse(responseCode = "503", description = "order-service could not be reached in time, or did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ANALYST)
    public OrderStatsClient.OrderCounts orders() {
        return orderStats.read(caller.getRawToken());
    }
}
