package dev.oms.refund.messaging;

import dev.oms.platform.inbox.TransactionalInbox;
import dev.oms.refund.service.RefundSettlements;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * payment-service's answers to refunds, from the interactive lane's payment events (where refunds travel); the
 * saga's payment events on that topic are acknowledged unread.
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    static final String CONSUMER = "refund-settlements";

    private final TransactionalInbox inbox;
    private final RefundSettlements settlements;

    public PaymentEventsConsumer(TransactionalInbox inbox, RefundSettlements settlements) {
        this.inbox = inbox;
        this.settlements = settlements;
    }

    @Incoming("payment-events")
    @Blocking
    public CompletionStage<Void> onPaymentEvent(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, CONSUMER, RefundSettlements::answers, event -> settlements.apply(event.data()));
    }
}
