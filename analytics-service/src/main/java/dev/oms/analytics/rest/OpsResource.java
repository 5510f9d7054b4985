package dev.oms.analytics.rest;

import dev.oms.analytics.service.QueueDepths;
import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What operators watch: how far each consumer group is behind, and what waits in the dead-letter queues. */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class OpsResource {

    private final QueueDepths queues;

    public OpsResource(QueueDepths queues) {
        this.queues = queues;
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
}
