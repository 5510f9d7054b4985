package dev.oms.order.messaging;

import dev.oms.events.OmsEvent;
import dev.oms.events.OrderRequested;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.order.service.OrderSaga;
import dev.oms.platform.inbox.TransactionalInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Feeds the saga from Kafka, a batch of records per transaction, each applied once. Every lane has its own topics
 * and consumer threads, so interactive orders never queue behind a bulk backlog; a batch's stock moves lock the
 * products only as it commits ({@link dev.oms.order.service.StockLedger}), so they never wait long for one either.
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
    public CompletionStage<Void> onInteractiveRequest(Message<List<byte[]>> batch) {
        return onRequest(batch);
    }

    @Incoming("order-requests-bulk")
    @Blocking
    public CompletionStage<Void> onBulkRequest(Message<List<byte[]>> batch) {
        return onRequest(batch);
    }

    @Incoming("payment-events-interactive")
    @Blocking
    public CompletionStage<Void> onInteractivePaymentEvent(Message<List<byte[]>> batch) {
        return onPaymentEvent(batch);
    }

    @Incoming("payment-events")
    @Blocking
    public CompletionStage<Void> onBulkPaymentEvent(Message<List<byte[]>> batch) {
        return onPaymentEvent(batch);
    }

    private CompletionStage<Void> onPaymentEvent(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, CONSUMER, SagaConsumers::answersPayment, event -> {
            if (event.data() instanceof PaymentAuthorized authorized) {
                saga.onPaymentAuthorized(authorized);
            } else {
                saga.onPaymentDeclined((PaymentDeclined) event.data());
            }
        });
    }

    private CompletionStage<Void> onRequest(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, CONSUMER, OrderRequested.class::isInstance,
                event -> saga.onOrderRequested((OrderRequested) event.data()));
    }

    private static boolean answersPayment(OmsEvent event) {
        return event instanceof PaymentAuthorized || event instanceof PaymentDeclined;
    }
}
