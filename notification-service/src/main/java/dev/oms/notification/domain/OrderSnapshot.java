package dev.oms.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as notification-service knows it from {@code oms.order-events}: what refund notifications report (refund
 * events carry neither the order's status nor its total) and whom emails go to (only OrderAccepted and
 * OrderCompleted name the customer's email).
 */
@Entity
@Table(name = "order_snapshot")
public class OrderSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_name")
    public String customerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @Column(nullable = false)
    public String currency;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
