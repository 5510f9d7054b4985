package dev.oms.notification.messaging;

import dev.oms.notification.domain.NotificationTrigger;
import dev.oms.notification.service.NotificationIntake;
import dev.oms.notification.service.OrderSnapshots;
import dev.oms.platform.inbox.TransactionalInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code oms.order-events} and {@code oms.refund-events}; each event is applied once through the inbox, in one
 * transaction with its effects: the order snapshot (order events) and the PENDING notifications it calls for. Events
 * that change neither (StockReserved, RefundRequested, ...) are acknowledged without a transaction.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    static final String ORDER_CONSUMER = "notification-orders";
    static final String REFUND_CONSUMER = "notification-refunds";

    private final TransactionalInbox inbox;
    private final OrderSnapshots orders;
    private final NotificationIntake intake;

    public NotificationEventsConsumer(TransactionalInbox inbox, OrderSnapshots orders, NotificationIntake intake) {
        this.inbox = inbox;
        this.orders = orders;
        this.intake = intake;
    }

    // OrderAccepted notifies nobody but is wanted: it brings the customer's email and name to the snapshot.
    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> onOrderEvent(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, ORDER_CONSUMER, OrderSnapshots::follows, event -> {
            orders.apply(event.data());
            intake.record(event);
        });
    }

    @Incoming("refund-events")
    @Blocking
    public CompletionStage<Void> onRefundEvent(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, REFUND_CONSUMER, NotificationTrigger::concerns, intake::record);
    }
}
