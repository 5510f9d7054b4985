package dev.oms.payment.messaging;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.RefundDeclined;
import dev.oms.events.RefundPayment;
import dev.oms.events.RefundSettled;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.payment.GatewayTestSupport;
import dev.oms.payment.config.PaymentConfig;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.payment.GatewayTestSupport.KAFKA;
import static dev.oms.payment.GatewayTestSupport.WAIT;
import static dev.oms.payment.GatewayTestSupport.awaitStatus;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RefundPayment commands on Kafka, settled against the order's authorized payment by the built-in simulator. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_payments"))
class PaymentRefundsTest {

    @Inject
    PaymentConfig config;

    private GatewayTestSupport gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayTestSupport(config);
    }

    @Test
    void settledRefundsGiveBackPartOfThePaymentOnceEachAndNeverMoreThanItTook() {
        AuthorizePayment payment = authorizedPayment(10_000);
        RefundPayment first = new RefundPayment(gateway.refundThatIs(true), payment.orderId(), usd(6_000));
        EventEnvelope command = refundCommand(first);
        KAFKA.publishRaw(Topics.PAYMENT_COMMANDS_INTERACTIVE, command.key(), EventCodec.encode(command));
        // The same command again (a re-published outbox row), and a new one that asks for more than is left.
        KAFKA.publishRaw(Topics.PAYMENT_COMMANDS_INTERACTIVE, command.key(), EventCodec.encode(command));
        RefundPayment tooMuch = new RefundPayment(gateway.refundThatIs(true), payment.orderId(), usd(4_001));
        publish(tooMuch);

        RefundSettled settled = (RefundSettled) KAFKA.await(Topics.PAYMENT_EVENTS_INTERACTIVE, RefundSettled.class,
                e -> e.refundId().equals(first.refundId()), WAIT).data();
        assertEquals(usd(6_000), settled.amount());
        RefundDeclined refused = (RefundDeclined) KAFKA.await(Topics.PAYMENT_EVENTS_INTERACTIVE, RefundDeclined.class,
                e -> e.refundId().equals(tooMuch.refundId()), WAIT).data();
        assertTrue(refused.reason().contains("not within the 4000 left"), refused.reason());

        RefundPayment rest = new RefundPayment(gateway.refundThatIs(true), payment.orderId(), usd(4_000));
        publish(rest);
        KAFKA.await(Topics.PAYMENT_EVENTS_INTERACTIVE, RefundSettled.class, e -> e.refundId().equals(rest.refundId()),
                WAIT);
        assertEquals(List.of(RefundSettled.class, RefundDeclined.class, RefundSettled.class),
                refundEventsOf(payment.orderId()));
        asStaff().get("/payments/{id}", payment.paymentId()).then().statusCode(200)
                .body("status", equalTo("AUTHORIZED"))
                .body("refunded.amountMinor", equalTo(10_000))
                .body("attempts.kind", contains("SALE", "SALE", "REFUND", "REFUND", "REFUND"))
                .body("attempts.status", contains("REQUESTED", "APPROVED", "APPROVED", "DECLINED", "APPROVED"));
    }

    @Test
    void theGatewayDecliningARefundLeavesThePaymentWhole() {
        AuthorizePayment payment = authorizedPayment(2_500);
        RefundPayment refund = new RefundPayment(gateway.refundThatIs(false), payment.orderId(), usd(2_500));
        publish(refund);

        RefundDeclined declined = (RefundDeclined) KAFKA.await(Topics.PAYMENT_EVENTS_INTERACTIVE, RefundDeclined.class,
                e -> e.refundId().equals(refund.refundId()), WAIT).data();
        assertTrue(config.simulator().refundDeclineReasons().contains(declined.reason()), declined.reason());
        asStaff().get("/payments/{id}", payment.paymentId()).then().statusCode(200)
                .body("refunded.amountMinor", equalTo(0));
    }

    @Test
    void aRefundOfAnOrderWithoutAnAuthorizedPaymentIsDeclined() {
        UUID neverPaid = UUID.randomUUID();
        RefundPayment refund = new RefundPayment(gateway.refundThatIs(true), neverPaid, usd(100));
        publish(refund);

        RefundDeclined declined = (RefundDeclined) KAFKA.await(Topics.PAYMENT_EVENTS_INTERACTIVE, RefundDeclined.class,
                e -> e.refundId().equals(refund.refundId()), WAIT).data();
        assertEquals("order " + neverPaid + " has no authorized payment", declined.reason());
    }

    private AuthorizePayment authorizedPayment(long amountMinor) {
        AuthorizePayment command = GatewayTestSupport.authorize(gateway.orderThatIs(true), amountMinor);
        KAFKA.await(Topics.PAYMENT_EVENTS, PaymentAuthorized.class, e -> e.paymentId().equals(command.paymentId()), WAIT);
        awaitStatus(command.paymentId(), "AUTHORIZED");
        return command;
    }

    private static void publish(RefundPayment refund) {
        EventEnvelope command = refundCommand(refund);
        KAFKA.publishRaw(Topics.PAYMENT_COMMANDS_INTERACTIVE, command.key(), EventCodec.encode(command));
    }

    private static EventEnvelope refundCommand(RefundPayment refund) {
        return EventEnvelope.of(UUID.randomUUID(), "refund-service", Instant.now(), refund);
    }

    private static List<Class<?>> refundEventsOf(UUID orderId) {
        return KAFKA.events(Topics.PAYMENT_EVENTS_INTERACTIVE).stream()
                .map(EventEnvelope::data)
                .filter(e -> e instanceof RefundSettled s && s.orderId().equals(orderId)
                        || e instanceof RefundDeclined d && d.orderId().equals(orderId))
                .<Class<?>>map(Object::getClass)
                .toList();
    }

    private static Money usd(long amountMinor) {
        return new Money(amountMinor, "USD");
    }
}
