package dev.oms.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One notification on one channel, with its delivery state: the audit trail. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;

    public String channel;

    public String type;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "order_status")
    public String orderStatus;

    @Column(name = "total_minor")
    public long totalMinor;

    public String currency;

    public String status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
