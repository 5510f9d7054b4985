package dev.oms.payment.service.gateway;

import dev.oms.payment.domain.GatewayDecision;
import dev.oms.payment.domain.SaleOutcome;
import dev.oms.payment.domain.SaleResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One sale in the simulated gateway's own books, with the delivery state of its webhook. */
@Entity
@Table(name = "gateway_ledger")
public class GatewayLedgerEntry extends PanacheEntityBase {

    @Id
    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    @Enumerated(EnumType.STRING)
    public SaleOutcome outcome;

    @Column(name = "decline_reason")
    public String declineReason;

    public boolean voided;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the webhook is (next) sent: after the simulated latency, later after each failed delivery. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Delivery attempts so far. */
    public int attempts;

    static GatewayLedgerEntry sale(UUID paymentId, UUID orderId, long amountMinor, String currency,
                                   GatewayDecision decision, Instant now, Instant dueAt) {
        GatewayLedgerEntry entry = new GatewayLedgerEntry();
        entry.paymentId = paymentId;
        entry.orderId = orderId;
        entry.amountMinor = amountMinor;
        entry.currency = currency;
        entry.outcome = decision.outcome();
        entry.declineReason = decision.declineReason();
        entry.createdAt = now;
        entry.dueAt = dueAt;
        return entry;
    }

    SaleResult toResult() {
        return new SaleResult(paymentId, orderId, outcome, declineReason, amountMinor, currency);
    }
}
