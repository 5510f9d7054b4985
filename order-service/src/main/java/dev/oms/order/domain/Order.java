package dev.oms.order.domain;

import dev.oms.events.Lane;
import dev.oms.events.RefundStatus;
import dev.oms.platform.ids.Uuids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An order and its saga state. Status changes only by compare-and-set ({@code OrderTransitions}); the entity is
 * written once when the order arrives.
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "external_order_id")
    public String externalOrderId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_name")
    public String customerName;

    @Enumerated(EnumType.STRING)
    public Lane lane;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_status")
    public RefundStatus refundStatus;

    /** RejectionReason or FailureReason name, or CANCELLED's reason code. */
    public String reason;

    @Column(name = "reason_detail")
    public String reasonDetail;

    @Column(name = "total_minor")
    public long totalMinor;

    public String currency;

    /** What completed refunds have given back; {@link #refundStatus} follows from it. */
    @Column(name = "refunded_minor")
    public long refundedMinor;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "ordered_at")
    public Instant orderedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    /** Set on entering PAYMENT_PENDING: past it, the payment timeout fails the order. */
    @Column(name = "payment_due_at")
    public Instant paymentDueAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<OrderLineItem> lines = new ArrayList<>();

    /**
     * The order with its row lock and latest committed state, or null. Native SQL because Hibernate's MySQL
     * dialect writes {@code FOR UPDATE OF <alias>}, which MariaDB rejects.
     */
    public static Order findForUpdate(UUID id) {
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM orders WHERE id = ?1 FOR UPDATE", Order.class)
                .setParameter(1, Uuids.toBytes(id))
                .getResultList();
        return rows.isEmpty() ? null : (Order) rows.get(0);
    }
}
