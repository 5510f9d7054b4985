package dev.oms.payment.domain;

import dev.oms.events.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The answer to one {@code RefundPayment} command, keyed by the refund id so that the command is applied once. */
@Entity
@Table(name = "payment_refund")
public class PaymentRefund extends PanacheEntityBase {

    @Id
    @Column(name = "refund_id")
    public UUID refundId;

    /** Null when the order had no authorized payment to refund from. */
    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    @Enumerated(EnumType.STRING)
    public RefundSettlementStatus status;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "created_at")
    public Instant createdAt;

    public static PaymentRefund of(UUID refundId, UUID paymentId, UUID orderId, Money amount,
                                   GatewayDecision decision, Instant now) {
        PaymentRefund refund = new PaymentRefund();
        refund.refundId = refundId;
        refund.paymentId = paymentId;
        refund.orderId = orderId;
        refund.amountMinor = amount.amountMinor();
        refund.currency = amount.currency();
        refund.status = decision.approved() ? RefundSettlementStatus.SETTLED : RefundSettlementStatus.DECLINED;
        refund.declineReason = decision.declineReason();
        refund.createdAt = now;
        return refund;
    }
}
