package dev.oms.refund.messaging;

import dev.oms.platform.inbox.TransactionalInbox;
import dev.oms.refund.service.OrderProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Feeds the projection of paid orders from {@code oms.order-events}, each record applied once. */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "refund-orders";

    private final TransactionalInbox inbox;
    private final OrderProjection projection;

    public OrderEventsConsumer(TransactionalInbox inbox, OrderProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> onOrderEvent(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, CONSUMER, OrderProjection::reads, event -> projection.apply(event.data()));
    }
}
