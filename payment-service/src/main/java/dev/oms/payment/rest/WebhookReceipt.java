package dev.oms.payment.rest;

import java.util.UUID;

/** The webhook's answer: {@code duplicate} when the payment already had its result and nothing changed. */
public record WebhookReceipt(UUID paymentId, boolean duplicate) {
}
