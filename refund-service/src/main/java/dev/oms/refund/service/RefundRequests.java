package dev.oms.refund.service;

import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.RefundPayment;
import dev.oms.events.RefundRequested;
import dev.oms.events.RefundStatus;
import dev.oms.platform.idempotency.IdempotencyKeys;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.outbox.Outbox;
import dev.oms.platform.rest.ProblemException;
import dev.oms.refund.domain.Refund;
import dev.oms.refund.domain.RefundPolicy;
import dev.oms.refund.rest.RefundRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grants refund requests: once per (order, Idempotency-Key) ({@link IdempotencyKeys}), with the order's row locked
 * while the amounts are checked, so concurrent requests never refund more than was captured. A granted refund is
 * PENDING, announced as {@code RefundRequested} and sent to payment-service as {@code RefundPayment} through the
 * outbox, in the same transaction. Refunds travel in the interactive lane: support's work never waits behind a bulk
 * import's payments.
 */
@ApplicationScoped
public class RefundRequests {

    private static final String LOCK_ORDER = """
            SELECT customer_id, captured_minor, currency, refund_status FROM refundable_order
            WHERE order_id = ?1 FOR UPDATE""";
    // A locking read: it sees every refund committed before the order's lock was granted, whatever the snapshot.
    private static final String TAKEN = """
            SELECT COALESCE(SUM(amount_minor), 0) FROM refund
            WHERE order_id = ?1 AND status IN ('PENDING', 'COMPLETED') FOR UPDATE""";

    private final IdempotencyKeys keys;
    private final Outbox outbox;
    private final EntityManager entityManager;

    public RefundRequests(IdempotencyKeys keys, Outbox outbox, EntityManager entityManager) {
        this.keys = keys;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /** The refund this (order, key) made, now or before ({@code replayed}). */
    public IdempotencyKeys.Result request(UUID orderId, String idempotencyKey, RefundRequest request) {
        return keys.once("refunds:" + orderId, idempotencyKey, IdempotencyKeys.fingerprint(request),
                () -> grant(orderId, idempotencyKey, request));
    }

    private UUID grant(UUID orderId, String idempotencyKey, RefundRequest request) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(LOCK_ORDER).setParameter(1, Uuids.toBytes(orderId))
                .getResultList();
        if (rows.isEmpty()) {
            throw refused("order " + orderId + " is not a paid order: only PAID, SHIPPED or DELIVERED orders can be "
                    + "refunded", 0, null);
        }
        Object[] order = rows.get(0);
        long captured = ((Number) order[1]).longValue();
        String currency = (String) order[2];
        long taken = ((Number) entityManager.createNativeQuery(TAKEN).setParameter(1, Uuids.toBytes(orderId))
                .getSingleResult()).longValue();
        RefundPolicy.Decision decision = RefundPolicy.decide(RefundStatus.valueOf((String) order[3]), captured, taken,
                request.amountMinor());
        if (decision instanceof RefundPolicy.Refused refused) {
            throw refused("cannot refund order " + orderId + ": " + refused.reason(), refused.remainingMinor(), currency);
        }
        long amount = ((RefundPolicy.Granted) decision).amountMinor();
        Money money = new Money(amount, currency);
        Refund refund = Refund.pending(Uuids.timeOrdered(), orderId, Uuids.fromBytes((byte[]) order[0]), money,
                request.reason().trim(), idempotencyKey, Instant.now());
        refund.persist();
        outbox.add(new RefundRequested(refund.id, orderId, refund.customerId, money, refund.reason), Lane.INTERACTIVE);
        outbox.add(new RefundPayment(refund.id, orderId, money), Lane.INTERACTIVE);
        return refund.id;
    }

    private static ProblemException refused(String detail, long remainingMinor, String currency) {
        return ProblemException.unprocessable(detail, currency == null ? Map.of("remainingMinor", remainingMinor)
                : Map.of("remainingMinor", remainingMinor, "currency", currency));
    }
}
