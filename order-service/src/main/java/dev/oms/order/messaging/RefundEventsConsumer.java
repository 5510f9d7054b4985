package dev.oms.order.messaging;

import dev.oms.events.RefundCompleted;
import dev.oms.order.service.OrderRefunds;
import dev.oms.platform.inbox.TransactionalInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Completed refunds from refund-service, each applied once to its order's refund status. */
@ApplicationScoped
public class RefundEventsConsumer {

    static final String CONSUMER = "order-refunds";

    private final TransactionalInbox inbox;
    private final OrderRefunds refunds;

    public RefundEventsConsumer(TransactionalInbox inbox, OrderRefunds refunds) {
        this.inbox = inbox;
        this.refunds = refunds;
    }

    @Incoming("refund-events")
    @Blocking
    public CompletionStage<Void> onRefundEvent(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, CONSUMER, event -> event instanceof RefundCompleted,
                event -> refunds.onRefundCompleted((RefundCompleted) event.data()));
    }
}
