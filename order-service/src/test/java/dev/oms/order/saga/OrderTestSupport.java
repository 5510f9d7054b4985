package dev.oms.order.saga;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.CustomerRef;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.Topics;
import dev.oms.infra.testing.KafkaTestClient;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** What the order-service tests do again and again: make products and orders, and watch them move. */
final class OrderTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final KafkaTestClient KAFKA = KafkaTestClient.shared();

    private OrderTestSupport() {
    }

    /** A product of its own for one test: a fresh SKU, so tests never share stock. */
    static String newProduct(long priceMinor, int onHand) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        asStaff().contentType(ContentType.JSON)
                .body(Map.of("products", List.of(Map.of("sku", sku, "name", "Product " + sku,
                        "unitPriceMinor", priceMinor, "onHand", onHand))))
                .post("/products/bulk").then().statusCode(200).body("created", equalTo(1));
        return sku;
    }

    /** Publishes a bulk-lane request, as import-service does, and returns the order id. */
    static UUID requestOrder(List<OrderLine> lines) {
        String external = "EXT-" + UUID.randomUUID();
        UUID orderId = Ids.orderId(external);
        KAFKA.publish("test", request(orderId, external, lines));
        return orderId;
    }

    static OrderRequested request(UUID orderId, String external, List<OrderLine> lines) {
        String email = "buyer-" + UUID.randomUUID() + "@example.com";
        return new OrderRequested(orderId, external, Lane.BULK, new CustomerRef(Ids.customerId(email), email, "Buyer"),
                lines, null, null, null);
    }

    /** Places an order through the API (interactive lane) and returns its id. */
    static UUID placeOrder(String sku, int quantity) {
        return UUID.fromString(asStaff().contentType(ContentType.JSON)
                .body(Map.of("customer", Map.of("email", "api-" + UUID.randomUUID() + "@example.com", "name", "Api Buyer"),
                        "lines", List.of(Map.of("sku", sku, "quantity", quantity))))
                .post("/orders").then().statusCode(202).extract().path("orderId"));
    }

    /** The order's payment command, from the payment-commands topic of the order's lane (where it must be). */
    static AuthorizePayment awaitPaymentRequest(UUID orderId, Lane lane) {
        String topic = lane == Lane.INTERACTIVE ? Topics.PAYMENT_COMMANDS_INTERACTIVE : Topics.PAYMENT_COMMANDS;
        return (AuthorizePayment) KAFKA.await(topic, AuthorizePayment.class, c -> c.orderId().equals(orderId), WAIT).data();
    }

    /** An order taken through the saga to PAID, this test answering for payment-service. */
    static UUID paidOrder(String sku, int quantity) {
        UUID orderId = requestOrder(List.of(new OrderLine(sku, null, quantity, null)));
        AuthorizePayment payment = awaitPaymentRequest(orderId, Lane.BULK);
        KAFKA.publish("payment-service", new PaymentAuthorized(payment.paymentId(), orderId, payment.amount(),
                Instant.now()));
        awaitStatus(orderId, "PAID");
        return orderId;
    }

    static void awaitStatus(UUID orderId, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                asStaff().get("/orders/{id}", orderId).then().statusCode(200).body("status", equalTo(status)));
    }

    static void stockIs(String sku, int onHand, int reserved) {
        asStaff().get("/products/{sku}", sku).then().statusCode(200)
                .body("onHand", equalTo(onHand)).body("reserved", equalTo(reserved));
    }
}
