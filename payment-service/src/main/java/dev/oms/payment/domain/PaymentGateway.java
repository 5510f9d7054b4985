package dev.oms.payment.domain;

import dev.oms.events.Money;

import java.util.UUID;

/**
 * The port to whatever takes the money. Every call runs inside the caller's transaction, so what the adapter
 * records commits or rolls back with the payment's own change.
 */
public interface PaymentGateway {

    /**
     * Asks for a sale (authorize and capture) and returns at once; the answer arrives later as a signed webhook
     * carrying a {@link SaleResult}. Idempotent on the payment id.
     */
    void requestSale(UUID paymentId, UUID orderId, Money amount);

    /** Gives back an approved sale (named {@code voidSale} because {@code void} is a Java keyword). */
    void voidSale(UUID paymentId);

    /**
     * Gives back part or all of an approved sale and answers at once (refunds settle synchronously, as most
     * gateways' refund calls do). Idempotent on the refund id: asked again after a rollback or a crash, the gateway
     * answers as before and moves the money once.
     */
    GatewayDecision refund(UUID refundId, UUID paymentId, Money amount);

    /**
     * What the gateway's own books say about the sale: how a payment left in doubt (a lost request, a lost or late
     * webhook) is reconciled. Changes nothing.
     */
    GatewaySale lookup(UUID paymentId);
}
