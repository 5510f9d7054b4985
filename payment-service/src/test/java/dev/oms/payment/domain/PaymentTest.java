package dev.oms.payment.domain;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void pendingSaleSettlesOnceAndDuplicatesChangeNothing() {
        Payment approved = pending();
        assertTrue(approved.settle(GatewayDecision.approve(), NOW));
        assertEquals(PaymentStatus.AUTHORIZED, approved.status);
        assertFalse(approved.settle(GatewayDecision.decline("card_declined"), NOW));
        assertEquals(PaymentStatus.AUTHORIZED, approved.status);

        Payment declined = pending();
        assertTrue(declined.settle(GatewayDecision.decline("card_declined"), NOW));
        assertEquals(PaymentStatus.DECLINED, declined.status);
        assertEquals("card_declined", declined.declineReason);
        assertFalse(declined.settle(GatewayDecision.approve(), NOW));
    }

    @Test
    void authorizedPaymentIsVoidedAtOnce() {
        Payment payment = pending();
        payment.settle(GatewayDecision.approve(), NOW);
        assertEquals(VoidDecision.VOID_NOW, payment.requestVoid(NOW));
        assertEquals(PaymentStatus.VOIDED, payment.status);
        assertEquals(VoidDecision.NOTHING, payment.requestVoid(NOW));
    }

    @Test
    void voidWhilePendingIsAppliedWhenTheApprovalArrives() {
        Payment payment = pending();
        assertEquals(VoidDecision.AFTER_AUTHORIZATION, payment.requestVoid(NOW));
        assertEquals(PaymentStatus.PENDING, payment.status);
        assertTrue(payment.settle(GatewayDecision.approve(), NOW));
        assertTrue(payment.voidIfRequested(NOW));
        assertEquals(PaymentStatus.VOIDED, payment.status);
    }

    @Test
    void declinedPaymentHasNothingToVoid() {
        Payment payment = pending();
        payment.requestVoid(NOW);
        payment.settle(GatewayDecision.decline("expired_card"), NOW);
        assertFalse(payment.voidIfRequested(NOW));
        assertEquals(PaymentStatus.DECLINED, payment.status);
        assertEquals(VoidDecision.NOTHING, payment.requestVoid(NOW));
    }

    @Test
    void resultMustNameThePaymentsOrderAndAmount() {
        Payment payment = pending();
        assertTrue(payment.matches(result(payment, payment.orderId, 12999, "USD")));
        assertFalse(payment.matches(result(payment, UUID.randomUUID(), 12999, "USD")));
        assertFalse(payment.matches(result(payment, payment.orderId, 12998, "USD")));
        assertFalse(payment.matches(result(payment, payment.orderId, 12999, "EUR")));
    }

    private static SaleResult result(Payment payment, UUID orderId, long amountMinor, String currency) {
        return new SaleResult(payment.id, orderId, SaleOutcome.APPROVED, null, amountMinor, currency);
    }

    private static Payment pending() {
        return Payment.pending(new AuthorizePayment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Money(12999, "USD"), Lane.BULK), null, NOW);
    }
}
