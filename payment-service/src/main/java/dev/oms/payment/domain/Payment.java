package dev.oms.payment.domain;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.Topics;
import dev.oms.platform.ids.Uuids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One payment of an order; its id is the order's payment id, so a repeated command finds it. Its transitions
 * (PENDING → AUTHORIZED | DECLINED, AUTHORIZED → VOIDED) are made under the row lock by the service.
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    /** What has been given back of this payment by refunds; never more than its amount. */
    @Column(name = "refunded_minor")
    public long refundedMinor;

    /** The lane of the order, so the payment's events travel in it too. */
    @Enumerated(EnumType.STRING)
    public Lane lane;

    /** The trace of the order (W3C traceparent of the request for this payment), continued when the gateway answers. */
    public String traceparent;

    @Enumerated(EnumType.STRING)
    public PaymentStatus status;

    @Column(name = "decline_reason")
    public String declineReason;

    /** A void arrived while the sale was pending: the approval, when it comes, is given back at once. */
    @Column(name = "void_requested")
    public boolean voidRequested;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Payment pending(AuthorizePayment command, String traceparent, Instant now) {
        Payment payment = new Payment();
        payment.id = command.paymentId();
        payment.orderId = command.orderId();
        payment.customerId = command.customerId();
        payment.amountMinor = command.amount().amountMinor();
        payment.currency = command.amount().currency();
        payment.lane = Topics.laneOf(command);
        payment.traceparent = traceparent;
        payment.status = PaymentStatus.PENDING;
        payment.createdAt = now;
        payment.updatedAt = now;
        return payment;
    }

    /**
     * The payment, read with its row lock and its latest committed state. Native SQL because Hibernate's
     * MySQL dialect writes {@code FOR UPDATE OF <alias>}, which MariaDB rejects.
     */
    public static Payment findForUpdate(UUID id) {
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM payment WHERE id = ?1 FOR UPDATE", Payment.class)
                .setParameter(1, Uuids.toBytes(id))
                .getResultList();
        return rows.isEmpty() ? null : (Payment) rows.get(0);
    }

    /**
     * The order's authorized payment, read with its row lock (see {@link #findForUpdate}), or null when the order
     * has none: never paid, declined or voided.
     */
    public static Payment findAuthorizedForUpdate(UUID orderId) {
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM payment WHERE order_id = ?1 AND status = 'AUTHORIZED' FOR UPDATE",
                        Payment.class)
                .setParameter(1, Uuids.toBytes(orderId))
                .getResultList();
        return rows.isEmpty() ? null : (Payment) rows.get(0);
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    /** True when the gateway's result is about this payment's order and amount. */
    public boolean matches(SaleResult result) {
        return orderId.equals(result.orderId()) && amountMinor == result.amountMinor() && currency.equals(result.currency());
    }

    /** Records the gateway's answer; false when the payment no longer waits for one (a duplicate webhook). */
    public boolean settle(GatewayDecision decision, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        status = decision.approved() ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED;
        declineReason = decision.declineReason();
        updatedAt = now;
        return true;
    }

    /** Applies a void request: voids an authorized payment, or remembers it while the sale is pending. */
    public VoidDecision requestVoid(Instant now) {
        switch (status) {
            case AUTHORIZED:
                status = PaymentStatus.VOIDED;
                updatedAt = now;
                return VoidDecision.VOID_NOW;
            case PENDING:
                voidRequested = true;
                updatedAt = now;
                return VoidDecision.AFTER_AUTHORIZATION;
            default:
                return VoidDecision.NOTHING;
        }
    }

    /** Why this payment cannot give {@code refund} back, or null when it can: only what was taken, only once. */
    public String refundRefusal(Money refund) {
        if (status != PaymentStatus.AUTHORIZED) {
            return "payment " + id + " is " + status + ", not AUTHORIZED";
        }
        if (!currency.equals(refund.currency())) {
            return "the refund is in " + refund.currency() + ", the payment in " + currency;
        }
        if (refund.amountMinor() <= 0 || refund.amountMinor() > amountMinor - refundedMinor) {
            return "the refund of " + refund.amountMinor() + " is not within the " + (amountMinor - refundedMinor)
                    + " left of payment " + id;
        }
        return null;
    }

    /** Counts a settled refund; {@link #refundRefusal} said it fits. */
    public void refunded(long refundMinor, Instant now) {
        refundedMinor += refundMinor;
        updatedAt = now;
    }

    /** After {@link #settle}: voids the fresh authorization if a void was requested while it was pending. */
    public boolean voidIfRequested(Instant now) {
        if (status != PaymentStatus.AUTHORIZED || !voidRequested) {
            return false;
        }
        status = PaymentStatus.VOIDED;
        updatedAt = now;
        return true;
    }
}
