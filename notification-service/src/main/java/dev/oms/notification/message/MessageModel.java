package dev.oms.notification.message;

import io.quarkus.qute.TemplateData;

import java.util.UUID;

/**
 * What templates may say, ready to print: amounts already formatted, the customer's name as the order gave it (or
 * null when only the customer id is known).
 */
@TemplateData
public record MessageModel(UUID eventId, String type, UUID orderId, UUID customerId, String customerName,
                           String orderStatus, String total, String refundAmount, String reason) {
}
