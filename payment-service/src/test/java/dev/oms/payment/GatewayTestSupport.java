package dev.oms.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oms.events.AuthorizePayment;
import dev.oms.events.EventCodec;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.PaymentVoided;
import dev.oms.events.Topics;
import dev.oms.infra.testing.KafkaTestClient;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.GatewayWebhookHeaders;
import dev.oms.payment.domain.SaleResult;
import dev.oms.payment.domain.SimulatedDecisions;
import dev.oms.platform.webhook.WebhookSignature;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** What the payment tests share: playing order-service on Kafka and playing the gateway on the webhook. */
public final class GatewayTestSupport {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final KafkaTestClient KAFKA = KafkaTestClient.shared();

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final PaymentConfig config;
    private final WebhookSignature signature;

    public GatewayTestSupport(PaymentConfig config) {
        this.config = config;
        this.signature = new WebhookSignature(config.webhook().secret(), config.webhook().tolerance());
    }

    /** A new order whose sale the configured simulator approves (or declines), found by asking the same function. */
    public UUID orderThatIs(boolean approved) {
        PaymentConfig.Simulator simulator = config.simulator();
        SimulatedDecisions decisions = new SimulatedDecisions(simulator.seed(), simulator.approvalRate(),
                simulator.declineReasons());
        while (true) {
            UUID orderId = UUID.randomUUID();
            if (decisions.decide(orderId).approved() == approved) {
                return orderId;
            }
        }
    }

    /** A new refund id whose refund the configured simulator settles (or declines). */
    public UUID refundThatIs(boolean settled) {
        PaymentConfig.Simulator simulator = config.simulator();
        SimulatedDecisions decisions = new SimulatedDecisions(simulator.seed(), 1 - simulator.refundFailureRate(),
                simulator.refundDeclineReasons());
        while (true) {
            UUID refundId = UUID.randomUUID();
            if (decisions.decide(refundId).approved() == settled) {
                return refundId;
            }
        }
    }

    public String declineReasonOf(UUID orderId) {
        PaymentConfig.Simulator simulator = config.simulator();
        return new SimulatedDecisions(simulator.seed(), simulator.approvalRate(), simulator.declineReasons())
                .decide(orderId).declineReason();
    }

    public static AuthorizePayment authorize(UUID orderId, long amountMinor) {
        AuthorizePayment command = new AuthorizePayment(UUID.randomUUID(), orderId, UUID.randomUUID(),
                new Money(amountMinor, "USD"), Lane.BULK);
        KAFKA.publish("order-service", command);
        return command;
    }

    public static void awaitStatus(UUID paymentId, String status) {
        await().atMost(WAIT).untilAsserted(() -> asStaff().get("/payments/{id}", paymentId).then()
                .statusCode(200).body("status", equalTo(status)));
    }

    public static byte[] body(SaleResult result) {
        try {
            return JSON.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the body as the gateway would, signed now. */
    public ValidatableResponse postSigned(byte[] body) {
        long timestamp = Instant.now().getEpochSecond();
        return post(body, Long.toString(timestamp), signature.sign(timestamp, body));
    }

    public String sign(long epochSeconds, byte[] body) {
        return signature.sign(epochSeconds, body);
    }

    /** Posts exactly these bytes and headers; a null header is left out. */
    public static ValidatableResponse post(byte[] body, String timestamp, String signatureHeader) {
        var request = given().contentType("application/json").body(body);
        if (timestamp != null) {
            request.header(GatewayWebhookHeaders.TIMESTAMP, timestamp);
        }
        if (signatureHeader != null) {
            request.header(GatewayWebhookHeaders.SIGNATURE, signatureHeader);
        }
        return request.post("/gateway/webhooks").then();
    }

    /** The types of the payment events about one payment, in the order they were published. */
    public static List<Class<?>> eventsOf(UUID paymentId) {
        return KAFKA.readAll(Topics.PAYMENT_EVENTS).stream()
                .map(record -> EventCodec.decode(record.value()).data())
                .filter(about(paymentId))
                .<Class<?>>map(Object::getClass)
                .toList();
    }

    private static Predicate<OmsEvent> about(UUID paymentId) {
        return event -> paymentId.equals(paymentIdOf(event));
    }

    private static UUID paymentIdOf(OmsEvent event) {
        if (event instanceof PaymentAuthorized authorized) {
            return authorized.paymentId();
        }
        if (event instanceof PaymentDeclined declined) {
            return declined.paymentId();
        }
        if (event instanceof PaymentVoided voided) {
            return voided.paymentId();
        }
        return null;
    }
}
