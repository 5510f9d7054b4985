package dev.oms.order.service;

import dev.oms.events.Money;
import dev.oms.events.OrderRefundStatusChanged;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundStatus;
import dev.oms.order.domain.Order;
import dev.oms.order.domain.RefundProgress;
import dev.oms.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Keeps an order's refunded amount and refund status (NONE → PARTIAL → FULL) from refund-service's completed
 * refunds, each applied once by the caller's inbox, with the order's row locked. A change of status is announced
 * as {@code OrderRefundStatusChanged}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderRefunds {

    private static final Logger LOG = Logger.getLogger(OrderRefunds.class);

    private final Outbox outbox;

    public OrderRefunds(Outbox outbox) {
        this.outbox = outbox;
    }

    public void onRefundCompleted(RefundCompleted refund) {
        Order order = Order.findForUpdate(refund.orderId());
        if (order == null) {
            LOG.warnf("Refund %s completed for order %s, which is not known here; ignored", refund.refundId(),
                    refund.orderId());
            return;
        }
        long refunded = order.refundedMinor + refund.amount().amountMinor();
        RefundStatus status = RefundProgress.of(order.totalMinor, refunded);
        Order.update("refundedMinor = ?1, refundStatus = ?2, updatedAt = ?3 where id = ?4", refunded, status,
                Instant.now(), order.id);
        if (status != order.refundStatus) {
            outbox.add(new OrderRefundStatusChanged(order.id, order.customerId, status,
                    new Money(refunded, order.currency)), order.lane);
        }
    }
}
