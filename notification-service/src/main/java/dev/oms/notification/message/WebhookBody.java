package dev.oms.notification.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oms.events.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON a webhook receiver gets. {@code eventId} is the same on every attempt (and in the {@code X-OMS-Event-Id}
 * header), so a receiver that got it once can drop the repeats; {@code message} is the rendered text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Written by Jackson outside a REST response, so a native image must be told to keep its accessors.
@RegisterForReflection
public record WebhookBody(UUID eventId, String type, UUID orderId, UUID customerId, String orderStatus, Money total,
                          Money refundAmount, String reason, Instant occurredAt, String message) {
}
