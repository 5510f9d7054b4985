package dev.oms.payment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oms.events.Money;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment with its attempts (requests to the gateway and its answers), oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(UUID paymentId, UUID orderId, UUID customerId, Money amount, Money refunded, PaymentStatus status,
                          String declineReason, boolean voidRequested, Instant createdAt, Instant updatedAt,
                          List<AttemptView> attempts) {

    static PaymentView of(Payment payment, List<AttemptView> attempts) {
        return new PaymentView(payment.id, payment.orderId, payment.customerId, payment.amount(),
                new Money(payment.refundedMinor, payment.currency), payment.status,
                payment.declineReason, payment.voidRequested, payment.createdAt, payment.updatedAt, attempts);
    }
}
