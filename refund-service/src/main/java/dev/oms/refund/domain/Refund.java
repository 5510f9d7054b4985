package dev.oms.refund.domain;

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

/** A refund of (part of) an order's captured amount; {@code idempotencyKey} is the request's, unique per order. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    @Enumerated(EnumType.STRING)
    public RefundStatus status;

    public String reason;

    /** Why the payment side declined it; set only when FAILED. */
    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Refund pending(UUID id, UUID orderId, UUID customerId, Money amount, String reason,
                                 String idempotencyKey, Instant now) {
        Refund refund = new Refund();
        refund.id = id;
        refund.orderId = orderId;
        refund.customerId = customerId;
        refund.amountMinor = amount.amountMinor();
        refund.currency = amount.currency();
        refund.status = RefundStatus.PENDING;
        refund.reason = reason;
        refund.idempotencyKey = idempotencyKey;
        refund.createdAt = now;
        refund.updatedAt = now;
        return refund;
    }
}
