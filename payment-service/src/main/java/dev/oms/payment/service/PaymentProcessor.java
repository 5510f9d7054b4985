package dev.oms.payment.service;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.Lane;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.PaymentVoided;
import dev.oms.events.RefundDeclined;
import dev.oms.events.RefundPayment;
import dev.oms.events.RefundSettled;
import dev.oms.events.VoidPayment;
import dev.oms.payment.domain.AttemptKind;
import dev.oms.payment.domain.AttemptStatus;
import dev.oms.payment.domain.GatewayDecision;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentAttempt;
import dev.oms.payment.domain.PaymentGateway;
import dev.oms.payment.domain.PaymentRefund;
import dev.oms.payment.domain.SaleResult;
import dev.oms.platform.metrics.CommittedMeters;
import dev.oms.platform.outbox.Outbox;
import dev.oms.platform.tracing.TraceContext;
import dev.oms.platform.tracing.Tracing;
import dev.oms.platform.rest.ProblemException;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Takes, voids and refunds payments. A sale is requested from the gateway and settled when its webhook arrives; each
 * command and each webhook takes effect once, keyed by the payment id.
 * <p>
 * The webhook and a {@code VoidPayment} can race for the same payment (one comes over HTTP, the other from
 * Kafka), so both read the payment with its row lock and decide on what they see: a void that finds the sale
 * pending is remembered, and the approval that follows it is voided in its own transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentProcessor {

    private static final Logger LOG = Logger.getLogger(PaymentProcessor.class);

    private final Outbox outbox;
    private final PaymentGateway gateway;
    private final CommittedMeters meters;
    private final Tracing tracing;

    public PaymentProcessor(Outbox outbox, PaymentGateway gateway, CommittedMeters meters, Tracing tracing) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.meters = meters;
        this.tracing = tracing;
    }

    public void authorize(AuthorizePayment command) {
        if (Payment.findById(command.paymentId()) != null) {
            LOG.debugf("Payment %s already exists; command ignored", command.paymentId());
            return;
        }
        Instant now = Instant.now();
        Payment payment = Payment.pending(command, TraceContext.current().orElse(null), now);
        payment.persist();
        PaymentAttempt.of(payment.id, AttemptKind.SALE, AttemptStatus.REQUESTED, null, now).persist();
        // In this transaction: the gateway's answer can never arrive before the payment it answers is committed.
        gateway.requestSale(payment.id, payment.orderId, command.amount());
        count("requested");
    }

    public void voidPayment(VoidPayment command) {
        Payment payment = Payment.findForUpdate(command.paymentId());
        if (payment == null) {
            LOG.infof("VoidPayment for payment %s that was never requested; nothing to void", command.paymentId());
            return;
        }
        Instant now = Instant.now();
        switch (payment.requestVoid(now)) {
            case VOID_NOW:
                voidAtGateway(payment, now);
                break;
            case AFTER_AUTHORIZATION:
                LOG.infof("Payment %s is still pending; it will be voided when the gateway approves it", payment.id);
                break;
            default:
                LOG.debugf("Payment %s is %s; nothing to void", payment.id, payment.status);
        }
    }

    /**
     * Settles a refund against the order's authorized payment, with its row locked so that concurrent refunds of
     * one payment never give back more than it took. Applied once per refund id; the answer (settled, or declined
     * by the gateway or because nothing is left to give back) goes out in the interactive lane, as refunds are
     * support's work and must not wait behind a bulk backlog.
     */
    public void refund(RefundPayment command) {
        if (PaymentRefund.findById(command.refundId()) != null) {
            LOG.debugf("Refund %s was already answered; command ignored", command.refundId());
            return;
        }
        Instant now = Instant.now();
        Payment payment = Payment.findAuthorizedForUpdate(command.orderId());
        String refusal = payment == null ? "order " + command.orderId() + " has no authorized payment"
                : payment.refundRefusal(command.amount());
        GatewayDecision decision = refusal != null ? GatewayDecision.decline(refusal)
                : gateway.refund(command.refundId(), payment.id, command.amount());
        UUID paymentId = payment == null ? null : payment.id;
        PaymentRefund.of(command.refundId(), paymentId, command.orderId(), command.amount(), decision, now).persist();
        if (payment != null) {
            PaymentAttempt.of(payment.id, AttemptKind.REFUND,
                    decision.approved() ? AttemptStatus.APPROVED : AttemptStatus.DECLINED, decision.declineReason(),
                    now).persist();
        }
        if (decision.approved()) {
            payment.refunded(command.amount().amountMinor(), now);
            outbox.add(new RefundSettled(command.refundId(), command.orderId(), command.amount()), Lane.INTERACTIVE);
            count("refunded");
        } else {
            LOG.infof("Refund %s of order %s declined: %s", command.refundId(), command.orderId(),
                    decision.declineReason());
            outbox.add(new RefundDeclined(command.refundId(), command.orderId(), command.amount(),
                    decision.declineReason()), Lane.INTERACTIVE);
            count("refund_declined");
        }
    }

    /**
     * Applies the gateway's answer. A payment that is no longer pending has had its answer already: the duplicate
     * changes nothing and returns false. When a void was requested meanwhile, the approval is published and
     * voided in the same transaction, in that order, so order-service's history says what happened (it voids
     * late authorizations itself anyway, and a second void is a no-op here).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean settle(SaleResult result) {
        Payment payment = Payment.findForUpdate(result.paymentId());
        if (payment == null) {
            throw ProblemException.notFound("payment", result.paymentId());
        }
        if (!payment.matches(result)) {
            LOG.warnf("Gateway result for payment %s names another order or amount; refused", payment.id);
            throw ProblemException.unprocessable("The result does not match payment " + payment.id,
                    Map.of("paymentId", payment.id));
        }
        Instant now = Instant.now();
        GatewayDecision decision = result.decision();
        if (!payment.settle(decision, now)) {
            LOG.debugf("Duplicate gateway result for payment %s (%s); ignored", payment.id, payment.status);
            return false;
        }
        PaymentAttempt.saleAnswered(payment.id, decision, now).persist();
        // The answer comes over HTTP (or from reconciliation), outside the order's trace: its events continue it.
        tracing.continueTrace(payment.traceparent, "payment settle", () -> publishAnswer(payment, decision, now));
        return true;
    }

    private void publishAnswer(Payment payment, GatewayDecision decision, Instant now) {
        if (!decision.approved()) {
            outbox.add(new PaymentDeclined(payment.id, payment.orderId, payment.amount(), decision.declineReason()), payment.lane);
            count("declined");
            return;
        }
        outbox.add(new PaymentAuthorized(payment.id, payment.orderId, payment.amount(), now), payment.lane);
        count("authorized");
        if (payment.voidIfRequested(now)) {
            voidAtGateway(payment, now);
        }
    }

    private void voidAtGateway(Payment payment, Instant now) {
        gateway.voidSale(payment.id);
        PaymentAttempt.of(payment.id, AttemptKind.VOID, AttemptStatus.APPROVED, null, now).persist();
        outbox.add(new PaymentVoided(payment.id, payment.orderId, payment.amount()), payment.lane);
        count("voided");
    }

    /**
     * Payments on {@code /q/metrics} by outcome: requested, authorized, declined, voided, refunded, refund_declined (not by decline reason: a
     * gateway's free text would make series without bound).
     */
    private void count(String outcome) {
        meters.increment(Counter.builder("oms.payments").description("Payments by outcome").tag("outcome", outcome));
    }
}
