package dev.oms.payment.rest;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentVoided;
import dev.oms.events.Topics;
import dev.oms.events.VoidPayment;
import dev.oms.infra.OmsTestInfra;
import dev.oms.payment.GatewayTestSupport;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.SaleOutcome;
import dev.oms.payment.domain.SaleResult;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.payment.GatewayTestSupport.KAFKA;
import static dev.oms.payment.GatewayTestSupport.WAIT;
import static dev.oms.payment.GatewayTestSupport.awaitStatus;
import static dev.oms.payment.GatewayTestSupport.eventsOf;
import static dev.oms.payment.GatewayTestSupport.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulator holds its answers for an hour, so the payment stays PENDING until the test, playing the gateway,
 * posts the signed answer itself: the order of webhook, duplicate and void is the test's to choose.
 */
@QuarkusTest
@TestProfile(HeldGatewayAnswersTest.HeldAnswers.class)
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_payments"))
class HeldGatewayAnswersTest {

    public static class HeldAnswers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oms.payments.simulator.latency", "1h");
        }
    }

    @Inject
    PaymentConfig config;

    private GatewayTestSupport gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayTestSupport(config);
    }

    @Test
    void theExactSameSignedDeliveryTwiceIsAppliedOnce() {
        AuthorizePayment command = pendingPayment();
        byte[] body = approval(command);
        long timestamp = Instant.now().getEpochSecond();
        String signature = gateway.sign(timestamp, body);

        post(body, Long.toString(timestamp), signature).statusCode(200).body("duplicate", equalTo(false));
        post(body, Long.toString(timestamp), signature).statusCode(200).body("duplicate", equalTo(true));

        asStaff().get("/payments/{id}", command.paymentId()).then().statusCode(200)
                .body("status", equalTo("AUTHORIZED"))
                .body("attempts.status", contains("REQUESTED", "APPROVED"));
        // The void's event is published after anything the duplicate could have caused.
        KAFKA.publish("order-service", new VoidPayment(command.paymentId(), command.orderId(), "order is CANCELLED"));
        KAFKA.await(Topics.PAYMENT_EVENTS, PaymentVoided.class, e -> e.paymentId().equals(command.paymentId()), WAIT);
        assertEquals(List.of(PaymentAuthorized.class, PaymentVoided.class), eventsOf(command.paymentId()));
    }

    @Test
    void voidArrivingWhileTheSaleIsPendingVoidsTheApprovalWhenItComes() {
        AuthorizePayment command = pendingPayment();
        KAFKA.publish("order-service", new VoidPayment(command.paymentId(), command.orderId(), "order is CANCELLED"));
        await().atMost(WAIT).untilAsserted(() -> asStaff().get("/payments/{id}", command.paymentId()).then()
                .statusCode(200).body("status", equalTo("PENDING")).body("voidRequested", equalTo(true)));

        gateway.postSigned(approval(command)).statusCode(200).body("duplicate", equalTo(false));

        KAFKA.await(Topics.PAYMENT_EVENTS, PaymentVoided.class, e -> e.paymentId().equals(command.paymentId()), WAIT);
        assertEquals(List.of(PaymentAuthorized.class, PaymentVoided.class), eventsOf(command.paymentId()));
        asStaff().get("/payments/{id}", command.paymentId()).then().statusCode(200)
                .body("status", equalTo("VOIDED"))
                .body("attempts.kind", contains("SALE", "SALE", "VOID"))
                .body("attempts.status", contains("REQUESTED", "APPROVED", "APPROVED"));
    }

    @Test
    void resultNamingAnotherAmountIs422AndChangesNothing() {
        AuthorizePayment command = pendingPayment();
        byte[] wrongAmount = GatewayTestSupport.body(new SaleResult(command.paymentId(), command.orderId(),
                SaleOutcome.APPROVED, null, command.amount().amountMinor() + 1, "USD"));
        gateway.postSigned(wrongAmount).statusCode(422).contentType("application/problem+json");
        asStaff().get("/payments/{id}", command.paymentId()).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("attempts.status", contains("REQUESTED"));
    }

    private static AuthorizePayment pendingPayment() {
        AuthorizePayment command = GatewayTestSupport.authorize(UUID.randomUUID(), 2599);
        awaitStatus(command.paymentId(), "PENDING");
        return command;
    }

    private static byte[] approval(AuthorizePayment command) {
        return GatewayTestSupport.body(new SaleResult(command.paymentId(), command.orderId(), SaleOutcome.APPROVED, null,
                command.amount().amountMinor(), command.amount().currency()));
    }
}
