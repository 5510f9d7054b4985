package dev.oms.payment.service;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.Money;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.PaymentVoided;
import dev.oms.events.VoidPayment;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.GatewayDecision;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;
import dev.oms.payment.domain.SimulatedDecisions;
import dev.oms.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Takes and voids payments; each command takes effect once, keyed by the payment id. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentProcessor {

    private static final Logger LOG = Logger.getLogger(PaymentProcessor.class);

    private final Outbox outbox;
    private final SimulatedDecisions gateway;

    public PaymentProcessor(Outbox outbox, PaymentConfig config) {
        this.outbox = outbox;
        PaymentConfig.Simulator simulator = config.simulator();
        this.gateway = new SimulatedDecisions(simulator.seed(), simulator.approvalRate(), simulator.declineReasons());
    }

    public void authorize(AuthorizePayment command) {
        if (Payment.findById(command.paymentId()) != null) {
            LOG.debugf("Payment %s already exists; command ignored", command.paymentId());
            return;
        }
        GatewayDecision decision = gateway.decide(command.orderId());
        Instant now = Instant.now();
        Payment payment = new Payment();
        payment.id = command.paymentId();
        payment.orderId = command.orderId();
        payment.customerId = command.customerId();
        payment.amountMinor = command.amount().amountMinor();
        payment.currency = command.amount().currency();
        payment.status = decision.approved() ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED;
        payment.declineReason = decision.declineReason();
        payment.createdAt = now;
        payment.updatedAt = now;
        payment.persist();
        if (decision.approved()) {
            outbox.add(new PaymentAuthorized(payment.id, payment.orderId, command.amount(), now));
        } else {
            outbox.add(new PaymentDeclined(payment.id, payment.orderId, command.amount(), decision.declineReason()));
        }
    }

    public void voidPayment(VoidPayment command) {
        int changed = Payment.update("status = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                PaymentStatus.VOIDED, Instant.now(), command.paymentId(), PaymentStatus.AUTHORIZED);
        if (changed == 1) {
            Payment payment = Payment.findById(command.paymentId());
            outbox.add(new PaymentVoided(payment.id, payment.orderId, new Money(payment.amountMinor, payment.currency)));
        }
    }
}
