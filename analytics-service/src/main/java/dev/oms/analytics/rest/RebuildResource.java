package dev.oms.analytics.rest;

import dev.oms.analytics.service.KpiRebuild;
import dev.oms.analytics.service.RebuildStatus;
import dev.oms.platform.rest.Problem;
import dev.oms.platform.rest.ProblemException;
import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;

/** Recomputing the KPIs and leaderboards from the event topics. */
@Path("/ops/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class RebuildResource {

    private static final URI STATUS = URI.create("/ops/rebuild");

    private final KpiRebuild rebuild;

    public RebuildResource(KpiRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild every KPI and leaderboard from the event topics",
            description = "Reads oms.order-events and oms.refund-events from the beginning into a fresh generation of "
                    + "keys while reads keep answering from the current one, then switches to it atomically once it "
                    + "has caught up with live consumption. Runs in the background: follow it with GET /ops/rebuild.")
    @APIResponse(responseCode = "202", description = "Started; the body is its status")
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response start() {
        RebuildStatus started = rebuild.start().orElseThrow(() -> ProblemException.conflict(
                "a rebuild is already running; follow it with GET /ops/rebuild",
                rebuild.latest().<Map<String, Object>>map(status -> Map.of("rebuildId", status.id())).orElse(Map.of())));
        return Response.accepted(started).location(STATUS).build();
    }

    @GET
    @Operation(summary = "The latest rebuild: its state, generations and progress",
            description = "RUNNING (reads still answer from the old generation), SWITCHED, FAILED (the old generation "
                    + "stays current) or ABANDONED (its process stopped while running).")
    @APIResponse(responseCode = "200", description = "The latest rebuild")
    @APIResponse(responseCode = "404", description = "No rebuild has run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    public RebuildStatus status() {
        return rebuild.latest().orElseThrow(() -> ProblemException.notFound("rebuild", "latest"));
    }
}
