package dev.oms.refund.service;

import dev.oms.events.EventEnvelope;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundDeclined;
import dev.oms.events.RefundFailed;
import dev.oms.events.RefundSettled;
import dev.oms.platform.outbox.Outbox;
import dev.oms.refund.domain.Refund;
import dev.oms.refund.domain.RefundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Ends refunds with payment-service's answer: PENDING → COMPLETED ({@code RefundCompleted}) or FAILED
 * ({@code RefundFailed}; its amount is refundable again, since only PENDING and COMPLETED refunds count against
 * the order). Each change is a compare-and-set on the status, in the caller's inbox transaction, so an answer that
 * comes twice changes nothing.
 */
@ApplicationScoped
public class RefundSettlements {

    private static final Logger LOG = Logger.getLogger(RefundSettlements.class);

    private final Outbox outbox;

    public RefundSettlements(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The payment events refund-service reads; the rest of the topic is the saga's. */
    public static boolean answers(OmsEvent event) {
        return event instanceof RefundSettled || event instanceof RefundDeclined;
    }

    public void apply(OmsEvent event) {
        if (event instanceof RefundSettled settled) {
            Refund refund = end(settled.refundId(), RefundStatus.COMPLETED, null);
            if (refund != null) {
                EventEnvelope completed = outbox.add(new RefundCompleted(refund.id, refund.orderId, refund.customerId,
                        amountOf(refund)), Lane.INTERACTIVE);
                // The refund counts on the day of its event in analytics: the refund's own time must be the same.
                Refund.update("updatedAt = ?1 where id = ?2", completed.time(), refund.id);
            }
        } else if (event instanceof RefundDeclined declined) {
            Refund refund = end(declined.refundId(), RefundStatus.FAILED, declined.reason());
            if (refund != null) {
                outbox.add(new RefundFailed(refund.id, refund.orderId, refund.customerId, amountOf(refund),
                        declined.reason()), Lane.INTERACTIVE);
            }
        }
    }

    /** The refund, now ended; null when it was not PENDING (an answer seen before, or not one of ours). */
    private static Refund end(UUID refundId, RefundStatus status, String failureReason) {
        int changed = Refund.update("status = ?1, failureReason = ?2, updatedAt = ?3 where id = ?4 and status = ?5",
                status, failureReason, Instant.now(), refundId, RefundStatus.PENDING);
        if (changed == 0) {
            LOG.infof("Refund %s is not PENDING (answered before, or unknown here); %s ignored", refundId, status);
            return null;
        }
        return Refund.findById(refundId);
    }

    private static Money amountOf(Refund refund) {
        return new Money(refund.amountMinor, refund.currency);
    }
}
