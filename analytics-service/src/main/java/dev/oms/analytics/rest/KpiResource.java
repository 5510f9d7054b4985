package dev.oms.analytics.rest;

import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.analytics.domain.DailyKpis;
import dev.oms.analytics.service.KpiFeed;
import dev.oms.analytics.service.KpiQueries;
import dev.oms.platform.rest.Problem;
import dev.oms.platform.rest.DateRange;
import dev.oms.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class KpiResource {

    /** A year, leap day included: enough for any report, small enough to answer at once. */
    static final int MAX_RANGE_DAYS = 366;

    private final KpiQueries queries;
    private final KpiFeed feed;
    private final AnalyticsConfig config;

    public KpiResource(KpiQueries queries, KpiFeed feed, AnalyticsConfig config) {
        this.queries = queries;
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Today's KPIs and top 10 customers as Server-Sent Events",
            description = "The current snapshot at once, then a new one whenever the numbers change, at most every "
                    + "250 ms. Today is the business day in the shop's zone; the stream moves to the next day at its "
                    + "midnight.")
    @RolesAllowed(Roles.ANALYST)
    public Multi<KpiSnapshotResponse> stream() {
        String zone = config.zone().getId();
        return feed.follow().map(snapshot -> KpiSnapshotResponse.of(snapshot, zone, config.currency()));
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
    public Uni<DailyKpisResponse> daily(
            @Parameter(description = "Business day, YYYY-MM-DD; default: today in the shop's zone", example = "2026-11-22")
            @QueryParam("date") String date) {
        LocalDate day = QueryParameters.date("date", date).orElseGet(() -> LocalDate.now(config.zone()));
        return queries.daily(day).map(kpis -> DailyKpisResponse.of(day, config.zone().getId(), config.currency(), kpis));
    }

    @GET
    @Operation(summary = "KPIs of a range of business days, a row per day and the totals",
            description = "Each day as GET /kpis/daily counts it, from `from` to `to` (both included, at most "
                    + MAX_RANGE_DAYS + " days), and the totals of the range; the average order value of the totals is "
                    + "the range's gross ÷ its completed orders, rounded half-up.")
    @APIResponse(responseCode = "200", description = "One row per day, oldest first, and the totals")
    @APIResponse(responseCode = "400", description = "A missing or malformed date, `from` after `to`, or more than "
            + MAX_RANGE_DAYS + " days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.ANALYST)
    public Uni<KpiRangeResponse> range(
            @Parameter(description = "First business day, YYYY-MM-DD", required = true, example = "2026-11-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last business day, YYYY-MM-DD", required = true, example = "2026-11-30")
            @QueryParam("to") String to) {
        DateRange range = DateRange.parseClosed(from, to, MAX_RANGE_DAYS);
        LocalDate first = range.first();
        LocalDate last = range.last();
        String zone = config.zone().getId();
        return queries.days(first, last).map(days -> {
            List<DailyKpisResponse> rows = new ArrayList<>(days.size());
            DailyKpis sum = DailyKpis.NONE;
            LocalDate day = first;
            for (DailyKpis kpis : days) {
                rows.add(DailyKpisResponse.of(day, zone, config.currency(), kpis));
                sum = sum.plus(kpis);
                day = day.plusDays(1);
            }
            return new KpiRangeResponse(first, last, zone, config.currency(), rows, KpiRangeResponse.Totals.of(sum));
        });
    }
}
