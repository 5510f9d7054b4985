package dev.oms.payment.messaging;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.OmsEvent;
import dev.oms.events.RefundPayment;
import dev.oms.events.VoidPayment;
import dev.oms.payment.service.PaymentProcessor;
import dev.oms.platform.inbox.TransactionalInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class PaymentCommandConsumer {

    private static final String CONSUMER = "payment-commands";

    private final TransactionalInbox inbox;
    private final PaymentProcessor payments;

    public PaymentCommandConsumer(TransactionalInbox inbox, PaymentProcessor payments) {
        this.inbox = inbox;
        this.payments = payments;
    }

    // Each lane has its own topic and consumer thread, so interactive commands never queue behind bulk ones.
    @Incoming("payment-commands-interactive")
    @Blocking
    public CompletionStage<Void> onInteractiveCommand(Message<List<byte[]>> batch) {
        return onCommand(batch);
    }

    @Incoming("payment-commands")
    @Blocking
    public CompletionStage<Void> onBulkCommand(Message<List<byte[]>> batch) {
        return onCommand(batch);
    }

    private CompletionStage<Void> onCommand(Message<List<byte[]>> batch) {
        return inbox.applyBatch(batch, CONSUMER, PaymentCommandConsumer::isCommand, event -> {
            if (event.data() instanceof AuthorizePayment authorize) {
                payments.authorize(authorize);
            } else if (event.data() instanceof VoidPayment voidPayment) {
                payments.voidPayment(voidPayment);
            } else if (event.data() instanceof RefundPayment refund) {
                payments.refund(refund);
            }
        });
    }

    private static boolean isCommand(OmsEvent event) {
        return event instanceof AuthorizePayment || event instanceof VoidPayment || event instanceof RefundPayment;
    }
}
