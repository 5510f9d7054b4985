package dev.oms.payment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oms.payment.domain.AttemptKind;
import dev.oms.payment.domain.AttemptStatus;
import dev.oms.payment.domain.PaymentAttempt;

import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(AttemptKind kind, AttemptStatus status, String declineReason, Instant at) {

    static AttemptView of(PaymentAttempt attempt) {
        return new AttemptView(attempt.kind, attempt.status, attempt.declineReason, attempt.createdAt);
    }
}
