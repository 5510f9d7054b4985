package dev.oms.payment.service;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.PaymentVoided;
import dev.oms.events.Topics;
import dev.oms.events.VoidPayment;
import dev.oms.infra.OmsTestInfra;
import dev.oms.payment.GatewayTestSupport;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.service.gateway.GatewayLedgerEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.payment.GatewayTestSupport.KAFKA;
import static dev.oms.payment.GatewayTestSupport.WAIT;
import static dev.oms.payment.GatewayTestSupport.awaitStatus;
import static dev.oms.payment.GatewayTestSupport.eventsOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Payments left in doubt, reconciled with the simulator's ledger. The simulator holds its answers for an hour, so
 * nothing settles by itself: the test makes each answer known, lost or due by editing the ledger, ages the payment
 * past {@code reconcile-after} and runs a pass itself (the scheduled passes are an hour apart in tests).
 */
@QuarkusTest
@TestProfile(PaymentReconcilerTest.HeldAnswers.class)
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_payments"))
class PaymentReconcilerTest {

    public static class HeldAnswers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oms.payments.simulator.latency", "1h");
        }
    }

    @Inject
    PaymentConfig config;

    @Inject
    PaymentReconciler reconciler;

    private GatewayTestSupport gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayTestSupport(config);
    }

    @Test
    void answerInTheLedgerThatWasNeverDeliveredIsSettledOnceEvenIfTheWebhookComesToo() {
        AuthorizePayment command = pendingPayment(gateway.orderThatIs(true));
        UUID paymentId = command.paymentId();
        webhookFailed(paymentId);
        pendingFor(paymentId, pastThreshold(1));

        assertEquals(1, reconciler.reconcile());

        KAFKA.await(Topics.PAYMENT_EVENTS, PaymentAuthorized.class, e -> e.paymentId().equals(paymentId), WAIT);
        asStaff().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("status", equalTo("AUTHORIZED"))
                .body("attempts.status", contains("REQUESTED", "APPROVED"));

        // The gateway's retry gets through after all: the webhook takes it as a duplicate.
        inTransaction(() -> GatewayLedgerEntry.update("dueAt = ?1 where paymentId = ?2", Instant.now(), paymentId));
        await().atMost(WAIT).until(() -> ledgerEntry(paymentId).deliveredAt != null);
        // The void's event is published after anything the late webhook could have caused.
        KAFKA.publish("order-service", new VoidPayment(paymentId, command.orderId(), "order is CANCELLED"));
        KAFKA.await(Topics.PAYMENT_EVENTS, PaymentVoided.class, e -> e.paymentId().equals(paymentId), WAIT);
        assertEquals(List.of(PaymentAuthorized.class, PaymentVoided.class), eventsOf(paymentId));
    }

    @Test
    void saleTheGatewayNeverReceivedIsRequestedAgainAndThenSettles() {
        UUID orderId = gateway.orderThatIs(false);
        AuthorizePayment command = pendingPayment(orderId);
        UUID paymentId = command.paymentId();
        // The crash between our commit and the request reaching a real gateway: the gateway has no such sale.
        inTransaction(() -> GatewayLedgerEntry.deleteById(paymentId));
        pendingFor(paymentId, pastThreshold(1));

        assertEquals(1, reconciler.reconcile());

        GatewayLedgerEntry requested = ledgerEntry(paymentId);
        assertNotNull(requested);
        assertEquals(orderId, requested.orderId);
        assertEquals(command.amount(), new Money(requested.amountMinor, requested.currency));
        asStaff().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts.status", contains("REQUESTED", "REQUESTED"));
        // Requested but undecided: the next pass leaves it to the gateway.
        assertEquals(0, reconciler.reconcile());

        // The gateway decides; its webhook settles the payment.
        inTransaction(() -> GatewayLedgerEntry.update("dueAt = ?1 where paymentId = ?2", Instant.now(), paymentId));
        PaymentDeclined declined = (PaymentDeclined) KAFKA.await(Topics.PAYMENT_EVENTS, PaymentDeclined.class,
                e -> e.paymentId().equals(paymentId), WAIT).data();
        assertEquals(gateway.declineReasonOf(orderId), declined.reason());
        awaitStatus(paymentId, "DECLINED");
        asStaff().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("attempts.status", contains("REQUESTED", "REQUESTED", "DECLINED"));
        assertEquals(List.of(PaymentDeclined.class), eventsOf(paymentId));
    }

    @Test
    void paymentNotYetPastTheThresholdIsLeftAlone() {
        AuthorizePayment command = pendingPayment(gateway.orderThatIs(true));
        UUID paymentId = command.paymentId();
        // The answer is known, so only the threshold holds the reconciler back.
        webhookFailed(paymentId);
        pendingFor(paymentId, config.reconcileAfter().minusSeconds(10));

        assertEquals(0, reconciler.reconcile());
        asStaff().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts.status", contains("REQUESTED"));

        pendingFor(paymentId, pastThreshold(1));
        assertEquals(1, reconciler.reconcile());
        awaitStatus(paymentId, "AUTHORIZED");
    }

    @Test
    void saleTheGatewayHasNotDecidedYetIsLeftPending() {
        AuthorizePayment command = pendingPayment(gateway.orderThatIs(true));
        UUID paymentId = command.paymentId();
        pendingFor(paymentId, pastThreshold(1));

        assertEquals(0, reconciler.reconcile());
        asStaff().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts.status", contains("REQUESTED"));

        // Decided at last; leave the payment as it would be after a later pass.
        webhookFailed(paymentId);
        assertEquals(1, reconciler.reconcile());
        awaitStatus(paymentId, "AUTHORIZED");
    }

    @Test
    void paymentThatCannotBeSettledDoesNotHoldBackTheOthersAndIsRetriedNextPass() {
        AuthorizePayment broken = pendingPayment(gateway.orderThatIs(true));
        AuthorizePayment healthy = pendingPayment(gateway.orderThatIs(true));
        webhookFailed(broken.paymentId());
        webhookFailed(healthy.paymentId());
        // The gateway's books name another amount: settling is refused. Older, so it comes first in the pass.
        inTransaction(() -> GatewayLedgerEntry.update("amountMinor = amountMinor + 1 where paymentId = ?1",
                broken.paymentId()));
        pendingFor(broken.paymentId(), pastThreshold(2));
        pendingFor(healthy.paymentId(), pastThreshold(1));

        assertEquals(1, reconciler.reconcile());
        awaitStatus(healthy.paymentId(), "AUTHORIZED");
        asStaff().get("/payments/{id}", broken.paymentId()).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts.status", contains("REQUESTED"));

        inTransaction(() -> GatewayLedgerEntry.update("amountMinor = amountMinor - 1 where paymentId = ?1",
                broken.paymentId()));
        assertEquals(1, reconciler.reconcile());
        awaitStatus(broken.paymentId(), "AUTHORIZED");
    }

    // BULK, so the payment's events are on oms.payment-events whatever lane routing does with interactive ones.
    private static AuthorizePayment pendingPayment(UUID orderId) {
        AuthorizePayment command = new AuthorizePayment(UUID.randomUUID(), orderId, UUID.randomUUID(),
                new Money(3150, "USD"), Lane.BULK);
        KAFKA.publish("order-service", command);
        awaitStatus(command.paymentId(), "PENDING");
        return command;
    }

    /** The gateway decided and tried its webhook, which failed; its next try is an hour away. */
    private static void webhookFailed(UUID paymentId) {
        inTransaction(() -> GatewayLedgerEntry.update("attempts = 1, dueAt = ?1 where paymentId = ?2",
                Instant.now().plus(Duration.ofHours(1)), paymentId));
    }

    /** Ages the payment as though its sale was requested {@code age} ago. */
    private static void pendingFor(UUID paymentId, Duration age) {
        Instant createdAt = Instant.now().minus(age);
        inTransaction(() -> Payment.update("createdAt = ?1 where id = ?2", createdAt, paymentId));
    }

    private Duration pastThreshold(long seconds) {
        return config.reconcileAfter().plusSeconds(seconds);
    }

    private static GatewayLedgerEntry ledgerEntry(UUID paymentId) {
        return QuarkusTransaction.requiringNew().call(() -> GatewayLedgerEntry.findById(paymentId));
    }

    private static void inTransaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }
}
