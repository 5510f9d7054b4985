package dev.oms.payment.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentAttempt;
import dev.oms.payment.domain.PaymentStatus;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@Path("/payments")
public class PaymentResource {

    private final EntityManager entityManager;

    public PaymentResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed(Roles.SUPPORT)
    public PaymentView get(@PathParam("paymentId") UUID paymentId) {
        return Payment.<Payment>findByIdOptional(paymentId).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("payment", paymentId));
    }

    /** The payments of one order (normally one). */
    @GET
    @RolesAllowed(Roles.SUPPORT)
    public List<PaymentView> byOrder(@QueryParam("orderId") UUID orderId) {
        if (orderId == null) {
            throw ProblemException.badRequest("orderId", "'orderId' is required");
        }
        return Payment.<Payment>list("orderId", Sort.by("createdAt"), orderId).stream().map(this::view).toList();
    }

    @GET
    @Path("/totals")
    @RolesAllowed({Roles.SUPPORT, Roles.ANALYST})
    public PaymentTotals totals() {
        Map<String, Long> count = new TreeMap<>();
        Map<String, Long> amount = new TreeMap<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            count.put(status.name(), 0L);
            amount.put(status.name(), 0L);
        }
        List<Object[]> rows = entityManager.createQuery(
                "select p.status, count(p), coalesce(sum(p.amountMinor), 0) from Payment p group by p.status", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            count.put(((PaymentStatus) row[0]).name(), (Long) row[1]);
            amount.put(((PaymentStatus) row[0]).name(), ((Number) row[2]).longValue());
        }
        return new PaymentTotals(count, amount);
    }

    private PaymentView view(Payment payment) {
        List<AttemptView> attempts = PaymentAttempt.<PaymentAttempt>list("paymentId", Sort.by("id"), payment.id).stream()
                .map(AttemptView::of).toList();
        return PaymentView.of(payment, attempts);
    }
}
