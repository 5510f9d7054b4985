package dev.oms.payment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oms.events.Money;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;

import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(UUID paymentId, UUID orderId, UUID customerId, Money amount, PaymentStatus status,
                          String declineReason, Instant createdAt, Instant updatedAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.id, payment.orderId, payment.customerId,
                new Money(payment.amountMinor, payment.currency), payment.status, payment.declineReason,
                payment.createdAt, payment.updatedAt);
    }
}
