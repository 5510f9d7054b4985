package dev.oms.order.messaging;

import dev.oms.events.OrderRequested;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.order.service.OrderSaga;
import dev.oms.platform.inbox.TransactionalInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    public void onInteractiveRequest(ConsumerRecord<String, byte[]> record) {
        onRequest(record);
    }

    @Incoming("order-requests-bulk")
    @Blocking
    public void onBulkRequest(ConsumerRecord<String, byte[]> record) {
        onRequest(record);
    }

    @Incoming("payment-events-interactive")
    @Blocking
    public void onInteractivePaymentEvent(ConsumerRecord<String, byte[]> record) {
        onPaymentEvent(record);
    }

    @Incoming("payment-events")
    @Blocking
    public void onBulkPaymentEvent(ConsumerRecord<String, byte[]> record) {
        onPaymentEvent(record);
    }

    private void onPaymentEvent(ConsumerRecord<String, byte[]> record) {
        inbox.apply(record, CONSUMER, event -> {
            if (event.data() instanceof PaymentAuthorized authorized) {
                saga.onPaymentAuthorized(authorized);
            } else if (event.data() instanceof PaymentDeclined declined) {
                saga.onPaymentDeclined(declined);
            }
        });
    }

    private void onRequest(ConsumerRecord<String, byte[]> record) {
        inbox.apply(record, CONSUMER, event -> {
            if (event.data() instanceof OrderRequested request) {
                saga.onOrderRequested(request);
            }
        });
    }
}
