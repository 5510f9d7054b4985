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
 * One notification on one channel, with its delivery state: the audit trail. Unique on (event, channel); retries
 * update the row, never add one. The payload is rendered once, when the row is made, so every attempt sends the same.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationType type;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_status", nullable = false)
    public OrderStatus orderStatus;

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @Column(nullable = false)
    public String currency;

    /** Refund notifications only, in the order's currency. */
    @Column(name = "refund_minor")
    public Long refundMinor;

    /** Whom the channel addresses where it needs to be told (the email address); null for the other channels. */
    public String recipient;

    /** The email's subject; null for the other channels. */
    public String subject;

    /** What is sent: the text (log, email) or the JSON body (webhook, push). */
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** When a PENDING row is due; kept as it was once the row is SENT or FAILED. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** A dispatcher's claim on a PENDING row being sent; another may take the row over once it has passed. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "claim_token")
    public UUID claimToken;
}
