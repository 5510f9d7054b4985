package dev.oms.payment.domain;

import dev.oms.platform.ids.Uuids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One request to the gateway or one answer from it: the payment's history, oldest first by (time-ordered) id. */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Enumerated(EnumType.STRING)
    public AttemptKind kind;

    @Enumerated(EnumType.STRING)
    public AttemptStatus status;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "created_at")
    public Instant createdAt;

    public static PaymentAttempt of(UUID paymentId, AttemptKind kind, AttemptStatus status, String declineReason,
                                    Instant now) {
        PaymentAttempt attempt = new PaymentAttempt();
        attempt.id = Uuids.timeOrdered();
        attempt.paymentId = paymentId;
        attempt.kind = kind;
        attempt.status = status;
        attempt.declineReason = declineReason;
        attempt.createdAt = now;
        return attempt;
    }

    /** The attempt recording the gateway's answer to a sale. */
    public static PaymentAttempt saleAnswered(UUID paymentId, GatewayDecision decision, Instant now) {
        return of(paymentId, AttemptKind.SALE, decision.approved() ? AttemptStatus.APPROVED : AttemptStatus.DECLINED,
                decision.declineReason(), now);
    }
}
