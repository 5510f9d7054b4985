package dev.oms.payment.messaging;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.PaymentVoided;
import dev.oms.events.Topics;
import dev.oms.events.VoidPayment;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.PrometheusScrape;
import dev.oms.payment.GatewayTestSupport;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.SaleOutcome;
import dev.oms.payment.domain.SaleResult;
import io.quarkus.test.common.ResourceArg;
import org.apache.kafka.common.header.Header;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.payment.GatewayTestSupport.KAFKA;
import static dev.oms.payment.GatewayTestSupport.WAIT;
import static dev.oms.payment.GatewayTestSupport.awaitStatus;
import static dev.oms.payment.GatewayTestSupport.eventsOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole path with the built-in simulator: command on Kafka → gateway → signed webhook → event on Kafka. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_payments"))
class PaymentCommandsTest {

    @Inject
    PaymentConfig config;

    private GatewayTestSupport gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayTestSupport(config);
    }

    @Test
    void approvedSaleIsAuthorizedOnceThroughTheWebhookAndVoidedOnRequest() {
        UUID orderId = gateway.orderThatIs(true);
        UUID paymentId = UUID.randomUUID();
        PrometheusScrape before = PrometheusScrape.now();
        AuthorizePayment command = new AuthorizePayment(paymentId, orderId, UUID.randomUUID(), new Money(12999, "USD"), Lane.BULK);
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), "order-service", Instant.now(), command);
        KAFKA.publish(envelope);
        KAFKA.publishRaw(Topics.PAYMENT_COMMANDS, envelope.key(), EventCodec.encode(envelope));
        KAFKA.publish("order-service", command);

        PaymentAuthorized authorized = (PaymentAuthorized) KAFKA.await(Topics.PAYMENT_EVENTS, PaymentAuthorized.class,
                e -> e.paymentId().equals(paymentId), WAIT).data();
        assertEquals(new Money(12999, "USD"), authorized.amount());
        awaitStatus(paymentId, "AUTHORIZED");
        asStaff().get("/payments/{id}", paymentId).then().statusCode(200)
                .body("amount.amountMinor", equalTo(12999))
                .body("attempts.kind", contains("SALE", "SALE"))
                .body("attempts.status", contains("REQUESTED", "APPROVED"));

        // The gateway sending its answer again (a retried delivery) changes nothing.
        gateway.postSigned(GatewayTestSupport.body(new SaleResult(paymentId, orderId, SaleOutcome.APPROVED, null, 12999, "USD")))
                .statusCode(200).body("duplicate", equalTo(true));

        // A void on the same key is consumed after all three commands: by then every duplicate was seen.
        KAFKA.publish("order-service", new VoidPayment(paymentId, orderId, "order is CANCELLED"));
        KAFKA.await(Topics.PAYMENT_EVENTS, PaymentVoided.class, e -> e.paymentId().equals(paymentId), WAIT);
        assertEquals(List.of(PaymentAuthorized.class, PaymentVoided.class), eventsOf(paymentId));
        asStaff().get("/payments?orderId={id}", orderId).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("VOIDED"))
                .body("[0].attempts.kind", contains("SALE", "SALE", "VOID"))
                .body("[0].attempts.status", contains("REQUESTED", "APPROVED", "APPROVED"));
        PrometheusScrape after = PrometheusScrape.now();
        for (String outcome : List.of("requested", "authorized", "voided")) {
            String label = "outcome=\"" + outcome + "\"";
            assertTrue(after.value("oms_payments_total", label) > before.value("oms_payments_total", label), outcome);
        }
    }

    @Test
    void theGatewaysAnswerOverHttpContinuesTheTraceOfThePaymentRequest() {
        UUID orderId = gateway.orderThatIs(true);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        AuthorizePayment command = new AuthorizePayment(UUID.randomUUID(), orderId, UUID.randomUUID(),
                new Money(2500, "USD"), Lane.BULK);
        KAFKA.publish(EventEnvelope.of(UUID.randomUUID(), "order-service", Instant.now(), command),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        KAFKA.await(Topics.PAYMENT_EVENTS, PaymentAuthorized.class, e -> e.paymentId().equals(command.paymentId()), WAIT);
        Header traceparent = KAFKA.readAll(Topics.PAYMENT_EVENTS).stream()
                .filter(record -> record.key().equals(orderId.toString())).findFirst().orElseThrow()
                .headers().lastHeader("traceparent");
        assertEquals(traceId, new String(traceparent.value(), StandardCharsets.US_ASCII).split("-")[1]);
    }

    @Test
    void declinedSalePublishesTheSimulatorsReason() {
        UUID orderId = gateway.orderThatIs(false);
        AuthorizePayment command = GatewayTestSupport.authorize(orderId, 4500);

        PaymentDeclined declined = (PaymentDeclined) KAFKA.await(Topics.PAYMENT_EVENTS, PaymentDeclined.class,
                e -> e.paymentId().equals(command.paymentId()), WAIT).data();
        assertEquals(gateway.declineReasonOf(orderId), declined.reason());
        awaitStatus(command.paymentId(), "DECLINED");
        asStaff().get("/payments/{id}", command.paymentId()).then().statusCode(200)
                .body("declineReason", equalTo(declined.reason()))
                .body("attempts.status", contains("REQUESTED", "DECLINED"))
                .body("attempts[1].declineReason", equalTo(declined.reason()));
    }

    @Test
    void unknownPaymentIs404ProblemAndMissingOrderIdIs400() {
        asStaff().get("/payments/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asStaff().get("/payments").then().statusCode(400).body("field", equalTo("orderId"));
    }

    @Test
    void totalsCountEveryStatusIncludingPending() {
        asStaff().get("/payments/totals").then().statusCode(200)
                .body("count.PENDING", notNullValue()).body("amountMinor.AUTHORIZED", notNullValue());
    }
}
