package dev.oms.refund.rest;

import dev.oms.platform.rest.DateRange;
import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Aggregates for reconciling analytics with the refunds of record. */
@Path("/reports")
public class ReportResource {

    private static final int MAX_DAYS = 366;

    private final EntityManager entityManager;

    public ReportResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Path("/refunds-daily")
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "COMPLETED refunds per UTC day (by completion time), from `from` to `to` inclusive (at most "
            + MAX_DAYS + " days); days without any are left out")
    public List<RefundDay> refundsDaily(@QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange range = DateRange.parseClosed(from, to, MAX_DAYS);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT DATE(updated_at) AS day, COUNT(*), SUM(amount_minor), currency
                        FROM refund
                        WHERE status = 'COMPLETED' AND updated_at >= ?1 AND updated_at < ?2
                        GROUP BY DATE(updated_at), currency
                        ORDER BY day, currency""")
                .setParameter(1, range.start())
                .setParameter(2, range.endExclusive())
                .getResultList();
        return rows.stream().map(r -> new RefundDay(toLocalDate(r[0]), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), (String) r[3])).toList();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
