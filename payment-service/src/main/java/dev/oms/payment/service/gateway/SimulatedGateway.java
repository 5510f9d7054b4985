package dev.oms.payment.service.gateway;

import dev.oms.events.Money;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.GatewayDecision;
import dev.oms.payment.domain.GatewaySale;
import dev.oms.payment.domain.PaymentGateway;
import dev.oms.payment.domain.SimulatedDecisions;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The built-in gateway: decides each sale deterministically from (seed, order id), writes it to its ledger, and
 * answers later through the webhook ({@link WebhookDeliverer}), as a real gateway would. Refunds are answered at
 * once, deterministically from (seed, refund id), with a configurable failure rate.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.payments.gateway", stringValue = "simulator", enableIfMissing = true)
@Transactional(Transactional.TxType.MANDATORY)
public class SimulatedGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(SimulatedGateway.class);

    private final SimulatedDecisions decisions;
    private final SimulatedDecisions refundDecisions;
    private final Duration latency;

    public SimulatedGateway(PaymentConfig config) {
        PaymentConfig.Simulator simulator = config.simulator();
        this.decisions = new SimulatedDecisions(simulator.seed(), simulator.approvalRate(), simulator.declineReasons());
        if (simulator.refundFailureRate() < 0 || simulator.refundFailureRate() > 1) {
            throw new IllegalArgumentException("oms.payments.simulator.refund-failure-rate must be within [0, 1], got "
                    + simulator.refundFailureRate());
        }
        this.refundDecisions = new SimulatedDecisions(simulator.seed(), 1 - simulator.refundFailureRate(),
                simulator.refundDeclineReasons());
        this.latency = simulator.latency();
    }

    @Override
    public void requestSale(UUID paymentId, UUID orderId, Money amount) {
        if (GatewayLedgerEntry.findById(paymentId) != null) {
            LOG.debugf("Sale %s is already in the simulator's ledger", paymentId);
            return;
        }
        Instant now = Instant.now();
        GatewayLedgerEntry.sale(paymentId, orderId, amount.amountMinor(), amount.currency(), decisions.decide(orderId),
                now, now.plus(latency)).persist();
    }

    @Override
    public void voidSale(UUID paymentId) {
        if (GatewayLedgerEntry.update("voided = true where paymentId = ?1", paymentId) == 0) {
            // Payments taken before the simulator kept a ledger have no row; there is nothing to mark.
            LOG.warnf("Void of sale %s that is not in the simulator's ledger", paymentId);
        }
    }

    /** Decided from (seed, refund id) alone, so the same refund asked again gets the same answer. */
    @Override
    public GatewayDecision refund(UUID refundId, UUID paymentId, Money amount) {
        return refundDecisions.decide(refundId);
    }

    /**
     * The simulator decides when it writes the row, but a real gateway takes its time: until the simulated
     * latency has passed (the first delivery is due) the sale counts as pending. Once a delivery was attempted,
     * {@code dueAt} is the next retry, and the answer is known whether or not it ever arrived.
     */
    @Override
    public GatewaySale lookup(UUID paymentId) {
        GatewayLedgerEntry entry = GatewayLedgerEntry.findById(paymentId);
        if (entry == null) {
            return GatewaySale.unknown();
        }
        if (entry.attempts == 0 && entry.dueAt.isAfter(Instant.now())) {
            return GatewaySale.pending();
        }
        return entry.voided ? GatewaySale.voided(entry.toResult()) : GatewaySale.answered(entry.toResult());
    }
}
