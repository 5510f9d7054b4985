package dev.oms.order.messaging;

import dev.oms.events.OrderRequested;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.order.service.OrderSaga;
import dev.oms.platform.inbox.TransactionalInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Feeds the saga from Kafka; each record is applied once, in its own transaction. Every lane has its own topics
 * and consumer threads, so interactive orders never queue behind a bulk backlog.
 */
@ApplicationScoped
public class SagaConsumers {

    static final String CONSUMER = "order-saga";

    private final TransactionalInbox inbox;
    private final OrderSaga saga;

    public SagaConsumers(TransactionalInbox inbox, OrderSaga saga) {
        this.inbox = inbox;
        this.saga = saga;
    }

    @Incoming("order-requests-interactive")
    @Blocking
    public CompletionStage<Void> onInteractiveRequest(Message<byte[]> message) {
        return onRequest(message);
    }

    @Incoming("order-requests-bulk")
    @Blocking
    public CompletionStage<Void> onBulkRequest(Message<byte[]> message) {
        return onRequest(message);
    }

    @Incoming("payment-events-interactive")
    @Blocking
    public CompletionStage<Void> onInteractivePaymentEvent(Message<byte[]> message) {
        return onPaymentEvent(message);
    }

    @Incoming("payment-events")
    @Blocking
    public CompletionStage<Void> onBulkPaymentEvent(Message<byte[]> message) {
        return onPaymentEvent(message);
    }

    private CompletionStage<Void> onPaymentEvent(Message<byte[]> message) {
        return inbox.apply(message, CONSUMER, event -> {
            if (event.data() instanceof PaymentAuthorized authorized) {
                saga.onPaymentAuthorized(authorized);
            } else if (event.data() instanceof PaymentDeclined declined) {
                saga.onPaymentDeclined(declined);
            }
        });
    }

    private CompletionStage<Void> onRequest(Message<byte[]> message) {
        return inbox.apply(message, CONSUMER, event -> {
            if (event.data() instanceof OrderRequested request) {
                saga.onOrderRequested(request);
            }
        });
    }
}
