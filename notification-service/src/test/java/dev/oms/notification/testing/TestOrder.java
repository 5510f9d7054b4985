package dev.oms.notification.testing;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.FailureReason;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderAccepted;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRejected;
import dev.oms.events.OrderShipped;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundFailed;
import dev.oms.events.RejectionReason;
import dev.oms.events.Topics;
import dev.oms.infra.testing.KafkaTestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order of a new customer, whose events a test publishes on the real topics as order- and refund-service would. */
public final class TestOrder {

    public final UUID orderId = UUID.randomUUID();
    public final String email;
    public final String name = "Ann Tester";
    public final UUID customerId;
    public final Money total = new Money(12_999, "USD");

    public TestOrder() {
        this("customer-" + UUID.randomUUID() + "@example.com");
    }

    public TestOrder(String email) {
        this.email = email;
        this.customerId = Ids.customerId(email);
    }

    public EventEnvelope accepted() {
        return publish(new OrderAccepted(orderId, "shop-" + orderId, Lane.BULK, customer(),
                List.of(new OrderLine("KB-1", "Keyboard", 1, total)), total, Instant.now()));
    }

    public EventEnvelope completed() {
        return publish(new OrderCompleted(orderId, customer(), total, UUID.randomUUID(), Instant.now()));
    }

    public EventEnvelope rejected() {
        return publish(new OrderRejected(orderId, customerId, RejectionReason.OUT_OF_STOCK, "KB-1", total));
    }

    public EventEnvelope failed() {
        return publish(new OrderFailed(orderId, customerId, FailureReason.PAYMENT_DECLINED, "card_declined", total));
    }

    public EventEnvelope cancelled() {
        return publish(new OrderCancelled(orderId, customerId, total, "customer asked"));
    }

    public EventEnvelope shipped() {
        return publish(new OrderShipped(orderId, customerId, total));
    }

    public EventEnvelope delivered() {
        return publish(new OrderDelivered(orderId, customerId, total));
    }

    public EventEnvelope refundCompleted(long amountMinor) {
        return publish(new RefundCompleted(UUID.randomUUID(), orderId, customerId, new Money(amountMinor, "USD")));
    }

    public EventEnvelope refundFailed(long amountMinor, String reason) {
        return publish(new RefundFailed(UUID.randomUUID(), orderId, customerId, new Money(amountMinor, "USD"), reason));
    }

    /** The same record again, same event id: what a producer's retry or an outbox re-send does. */
    public static void republish(EventEnvelope event) {
        KafkaTestClient.shared().publish(event);
    }

    private CustomerRef customer() {
        return new CustomerRef(customerId, email, name);
    }

    private static EventEnvelope publish(OmsEvent event) {
        String source = Topics.topicFor(event).equals(Topics.REFUND_EVENTS) ? "refund-service" : "order-service";
        return KafkaTestClient.shared().publish(source, event);
    }
}
