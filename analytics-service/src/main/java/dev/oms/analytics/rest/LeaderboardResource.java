package dev.oms.analytics.rest;

import dev.oms.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.analytics.service.KpiQueries;
import dev.oms.platform.rest.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Optional;

@Path("/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leaderboard")
public class LeaderboardResource {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;

    private final KpiQueries queries;

    public LeaderboardResource(KpiQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Top customers by net spend",
            description = "Customers ordered by net spend (paid − refunded, minor units of the shop currency), "
                    + "biggest first, of all time or of one business day. Customers with equal net spend are ordered "
                    + "by ascending customer id (the UUID's canonical lower-case text); rank is the 1-based position.")
    @APIResponse(responseCode = "200", description = "The leaderboard (no entries when nobody has spent anything)")
    @APIResponse(responseCode = "400", description = "`limit` is not an integer from 1 to 100, or `date` is not YYYY-MM-DD",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ANALYST)
    public Uni<LeaderboardResponse> leaderboard(
            @Parameter(description = "How many customers, 1 to 100 (default 10)", example = "10")
            @QueryParam("limit") String limit,
            @Parameter(description = "Business day, YYYY-MM-DD; omit for all time", example = "2026-11-22")
            @QueryParam("date") String date) {
        int size = QueryParameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<LocalDate> day = QueryParameters.date("date", date);
        return queries.leaderboard(day, size).map(ranked -> new LeaderboardResponse(
                day.map(LocalDate::toString).orElse("all"), ranked.stream().map(LeaderboardEntryResponse::of).toList()));
    }
}
