package dev.oms.refund.domain;

import dev.oms.events.RefundStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A paid order as refund-service knows it from order-service's events. */
@Entity
@Table(name = "refundable_order")
public class RefundableOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaidOrderStatus status;

    @Column(name = "captured_minor", nullable = false)
    public long capturedMinor;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_status", nullable = false)
    public RefundStatus refundStatus;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
