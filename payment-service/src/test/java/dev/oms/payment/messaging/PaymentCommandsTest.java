package dev.oms.payment.messaging;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentVoided;
import dev.oms.events.Topics;
import dev.oms.events.VoidPayment;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_payments"))
class PaymentCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void saleIsAuthorizedOnceHoweverOftenTheCommandArrives() {
        UUID paymentId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        AuthorizePayment command = new AuthorizePayment(paymentId, orderId, UUID.randomUUID(), new Money(12999, "USD"), Lane.BULK);
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), "order-service", Instant.now(), command);
        kafka.publish(envelope);
        kafka.publishRaw(Topics.PAYMENT_COMMANDS, envelope.key(), EventCodec.encode(envelope));
        kafka.publish("order-service", command);

        PaymentAuthorized authorized = (PaymentAuthorized) kafka.await(Topics.PAYMENT_EVENTS, PaymentAuthorized.class,
                e -> e.paymentId().equals(paymentId), WAIT).data();
        assertEquals(new Money(12999, "USD"), authorized.amount());
        await().atMost(WAIT).untilAsserted(() -> given().get("/payments/{id}", paymentId).then()
                .statusCode(200).body("status", equalTo("AUTHORIZED")).body("amount.amountMinor", equalTo(12999)));

        // A void on the same key is consumed after all three commands: by then every duplicate was seen.
        kafka.publish("order-service", new VoidPayment(paymentId, orderId, "order is CANCELLED"));
        kafka.await(Topics.PAYMENT_EVENTS, PaymentVoided.class, e -> e.paymentId().equals(paymentId), WAIT);
        assertEquals(1, kafka.events(Topics.PAYMENT_EVENTS).stream()
                .filter(e -> e.data() instanceof PaymentAuthorized a && a.paymentId().equals(paymentId)).count());
        given().get("/payments?orderId={id}", orderId).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("VOIDED"));
    }

    @Test
    void unknownPaymentIs404ProblemAndMissingOrderIdIs400() {
        given().get("/payments/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/payments").then().statusCode(400).body("field", equalTo("orderId"));
    }
}
