package dev.oms.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oms.events.Money;
import dev.oms.infra.OmsTestInfra;
import dev.oms.notification.domain.Channel;
import dev.oms.notification.domain.NotificationType;
import dev.oms.notification.domain.OrderStatus;
import dev.oms.notification.testing.NotificationReceivers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every type on every channel renders what its reader needs: order, status, total, refund, event id. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class MessageRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.randomUUID();

    @Inject
    MessageRenderer renderer;

    @Test
    void everyTypeRendersOnEveryChannel() throws Exception {
        for (NotificationType type : NotificationType.values()) {
            NotificationContent content = content(type, statusOf(type), "because \"reasons\"");
            String what = type.name();

            String log = renderer.render(Channel.LOG, content).payload();
            assertTrue(log.contains(ORDER.toString()) && log.contains(EVENT.toString()), what + ": " + log);
            assertTrue(log.contains(statusOf(type).name()) && log.contains("USD 129.99"), what + ": " + log);
            assertFalse(log.contains("\n"), what + ": one line in the log");

            RenderedMessage email = renderer.render(Channel.EMAIL, content);
            assertTrue(email.subject().contains(ORDER.toString()), what + ": " + email.subject());
            assertFalse(email.subject().contains("\n"), what);
            assertTrue(email.payload().startsWith("Hello Ann,"), what + ": " + email.payload());
            assertTrue(email.payload().contains(statusOf(type).name()), what + ": " + email.payload());
            assertTrue(email.payload().contains("USD 129.99"), what + ": " + email.payload());

            JsonNode webhook = JSON.readTree(renderer.render(Channel.WEBHOOK, content).payload());
            assertEquals(EVENT.toString(), webhook.path("eventId").asText(), what);
            assertEquals(type.name(), webhook.path("type").asText(), what);
            assertEquals(ORDER.toString(), webhook.path("orderId").asText(), what);
            assertEquals(CUSTOMER.toString(), webhook.path("customerId").asText(), what);
            assertEquals(statusOf(type).name(), webhook.path("orderStatus").asText(), what);
            assertEquals(12_999, webhook.path("total").path("amountMinor").asLong(), what);
            assertEquals("because \"reasons\"", webhook.path("reason").asText(), what + ": escaped JSON");
            assertTrue(webhook.path("message").asText().contains(ORDER.toString()), what);

            JsonNode push = JSON.readTree(renderer.render(Channel.PUSH, content).payload());
            assertEquals(EVENT.toString(), push.path("eventId").asText(), what);
            assertFalse(push.path("title").asText().isBlank(), what);
            assertTrue(push.path("body").asText().contains(ORDER.toString()), what);

            if (isRefund(type)) {
                assertTrue(log.contains("USD 25.00"), what + ": " + log);
                assertTrue(email.subject().contains("USD 25.00"), what + ": " + email.subject());
                assertTrue(email.payload().contains("USD 25.00"), what + ": " + email.payload());
                assertEquals(2_500, webhook.path("refundAmount").path("amountMinor").asLong(), what);
            } else {
                assertTrue(webhook.path("refundAmount").isMissingNode(), what);
            }
        }
    }

    @Test
    void aFailedOrderSaysWhetherItWasCancelledAndWhy() {
        RenderedMessage cancelled = renderer.render(Channel.EMAIL,
                content(NotificationType.ORDER_FAILED, OrderStatus.CANCELLED, "customer asked"));
        assertEquals("Your order " + ORDER + " was cancelled", cancelled.subject());
        assertTrue(cancelled.payload().contains("Reason: customer asked"), cancelled.payload());

        RenderedMessage declined = renderer.render(Channel.EMAIL,
                content(NotificationType.ORDER_FAILED, OrderStatus.FAILED, "PAYMENT_DECLINED"));
        assertEquals("Your order " + ORDER + " could not be completed", declined.subject());
        assertTrue(declined.payload().contains("Status: FAILED"), declined.payload());
        assertTrue(declined.payload().contains("Reason: PAYMENT_DECLINED"), declined.payload());

        RenderedMessage noReason = renderer.render(Channel.EMAIL,
                content(NotificationType.ORDER_FAILED, OrderStatus.REJECTED, null));
        assertFalse(noReason.payload().contains("Reason"), noReason.payload());
    }

    @Test
    void aCustomerWhoseNameIsUnknownIsStillGreeted() {
        NotificationContent anonymous = new NotificationContent(EVENT, Instant.now(), NotificationType.ORDER_SHIPPED,
                ORDER, CUSTOMER, null, OrderStatus.SHIPPED, new Money(12_999, "USD"), null, null);
        RenderedMessage email = renderer.render(Channel.EMAIL, anonymous);
        assertTrue(email.payload().startsWith("Hello there,"), email.payload());
        assertNull(renderer.render(Channel.LOG, anonymous).subject());
    }

    private static boolean isRefund(NotificationType type) {
        return type == NotificationType.REFUND_COMPLETED || type == NotificationType.REFUND_FAILED;
    }

    private static OrderStatus statusOf(NotificationType type) {
        return switch (type) {
            case ORDER_CONFIRMED -> OrderStatus.PAID;
            case ORDER_FAILED -> OrderStatus.REJECTED;
            case ORDER_SHIPPED, REFUND_FAILED -> OrderStatus.SHIPPED;
            case ORDER_DELIVERED, REFUND_COMPLETED -> OrderStatus.DELIVERED;
        };
    }

    private static NotificationContent content(NotificationType type, OrderStatus status, String reason) {
        return new NotificationContent(EVENT, Instant.parse("2026-11-22T10:00:00Z"), type, ORDER, CUSTOMER, "Ann",
                status, new Money(12_999, "USD"), isRefund(type) ? new Money(2_500, "USD") : null, reason);
    }
}
