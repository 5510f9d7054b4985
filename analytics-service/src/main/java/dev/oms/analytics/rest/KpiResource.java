package dev.oms.analytics.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.analytics.config.AnalyticsConfig;
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

@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class KpiResource {

    private final KpiQueries queries;
    private final AnalyticsConfig config;

    public KpiResource(KpiQueries queries, AnalyticsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Path("/daily")
    @Operation(summary = "KPIs of one business day",
            description = "Counts and revenue of the day in the shop's zone. Completed orders and gross revenue count "
                    + "on the day the order was paid, failed (rejected or payment failed) and cancelled orders on the "
                    + "day that happened, refunds on the day they completed. Net revenue = gross − refunded; average "
                    + "order value = gross ÷ completed orders, rounded half-up to a whole minor unit (0 without orders).")
    @APIResponse(responseCode = "200", description = "The day's KPIs (zeros for a day without events)")
    @APIResponse(responseCode = "400", description = "`date` is not a date of the form YYYY-MM-DD",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ANALYST)
    public DailyKpisResponse daily(
            @Parameter(description = "Business day, YYYY-MM-DD; default: today in the shop's zone", example = "2026-11-22")
            @QueryParam("date") String date) {
        LocalDate day = QueryParameters.date("date", date).orElseGet(() -> LocalDate.now(config.zone()));
        return DailyKpisResponse.of(day, config.zone().getId(), config.currency(), queries.daily(day));
    }
}
