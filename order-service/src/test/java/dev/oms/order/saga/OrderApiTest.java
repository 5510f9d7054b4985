package dev.oms.order.saga;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.Lane;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderShipped;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.Topics;
import dev.oms.events.VoidPayment;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.KAFKA;
import static dev.oms.order.saga.OrderTestSupport.WAIT;
import static dev.oms.order.saga.OrderTestSupport.awaitPaymentRequest;
import static dev.oms.order.saga.OrderTestSupport.awaitStatus;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static dev.oms.order.saga.OrderTestSupport.placeOrder;
import static dev.oms.order.saga.OrderTestSupport.requestOrder;
import static dev.oms.order.saga.OrderTestSupport.stockIs;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order API and support's steps, driven over HTTP with the saga running on real Kafka and MariaDB. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class OrderApiTest {

    @Test
    void idempotencyKeyReturnsTheFirstAnswerAndRefusesAnotherBody() {
        String sku = newProduct(1500, 5);
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("customer", Map.of("email", "Key.Holder@Example.com", "name", "Key Holder"),
                "lines", List.of(Map.of("sku", sku, "quantity", 2)));

        var first = asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(202).body("replayed", equalTo(false)).extract();
        String orderId = first.path("orderId");
        assertTrue(first.header("Location").endsWith("/orders/" + orderId), first.header("Location"));
        asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(202).body("orderId", equalTo(orderId)).body("replayed", equalTo(true));
        asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("customer", body.get("customer"), "lines", List.of(Map.of("sku", sku, "quantity", 3))))
                .post("/orders").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));

        awaitStatus(UUID.fromString(orderId), "PAYMENT_PENDING");
        stockIs(sku, 5, 2);
        asStaff().get("/orders/{id}", orderId).then().body("lane", equalTo("INTERACTIVE"))
                .body("customer.email", equalTo("key.holder@example.com")).body("total.amountMinor", equalTo(3000));
        assertEquals(1, KAFKA.events(Topics.ORDER_REQUESTS_INTERACTIVE).stream()
                .filter(e -> e.data().orderId().toString().equals(orderId)).count());
    }

    @Test
    void aShopOrderIdThatAlreadyNamesAnOrderIsRefusedWith409() {
        String sku = newProduct(900, 5);
        String externalId = "EXT-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("externalOrderId", externalId,
                "customer", Map.of("email", "ext@example.com", "name", "Ext"),
                "lines", List.of(Map.of("sku", sku, "quantity", 1)));
        String orderId = asStaff().contentType(ContentType.JSON).body(body)
                .post("/orders").then().statusCode(202).extract().path("orderId");
        awaitStatus(UUID.fromString(orderId), "PAYMENT_PENDING");

        Map<String, Object> again = Map.of("externalOrderId", externalId,
                "customer", Map.of("email", "ext@example.com", "name", "Ext"),
                "lines", List.of(Map.of("sku", sku, "quantity", 2)));
        for (String key : List.of("", "key-" + UUID.randomUUID())) {
            var request = asStaff().contentType(ContentType.JSON).body(again);
            if (!key.isEmpty()) {
                request.header("Idempotency-Key", key);
            }
            request.post("/orders").then().statusCode(409).contentType("application/problem+json")
                    .body("field", equalTo("externalOrderId")).body("orderId", equalTo(orderId));
        }
        stockIs(sku, 5, 1);
    }

    @Test
    void invalidOrderAnswers400NamingTheField() {
        asStaff().contentType(ContentType.JSON)
                .body(Map.of("customer", Map.of("email", "not-an-email", "name", "X"), "lines", List.of(Map.of("sku", "A", "quantity", 1))))
                .post("/orders").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("customer.email"));
        asStaff().contentType(ContentType.JSON)
                .body(Map.of("customer", Map.of("email", "a@b.example", "name", "X"), "lines", List.of(Map.of("sku", "A", "quantity", 0))))
                .post("/orders").then().statusCode(400).body("field", equalTo("lines[0].quantity"));
        asStaff().contentType(ContentType.JSON).body("{\"customer\":").post("/orders").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void cancelBeforePaymentReleasesStockAndALatePaymentIsVoided() {
        String sku = newProduct(700, 4);
        UUID orderId = placeOrder(sku, 3);
        AuthorizePayment payment = awaitPaymentRequest(orderId, Lane.INTERACTIVE);
        stockIs(sku, 4, 3);

        asStaff().queryParam("reason", "customer changed their mind").post("/orders/{id}/cancel", orderId).then().statusCode(200).body("status", equalTo("CANCELLED"));
        stockIs(sku, 4, 0);
        KAFKA.await(Topics.ORDER_EVENTS, OrderCancelled.class, e -> e.orderId().equals(orderId), WAIT);

        VoidPayment voided = (VoidPayment) KAFKA.await(Topics.PAYMENT_COMMANDS_INTERACTIVE, VoidPayment.class,
                c -> c.orderId().equals(orderId), WAIT).data();
        assertEquals(payment.paymentId(), voided.paymentId());

        // The authorization still arrives: order-service voids it again (payment-service ignores a second void).
        KAFKA.publish("payment-service", new PaymentAuthorized(payment.paymentId(), orderId, payment.amount(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, voidsOf(payment.paymentId())));
        asStaff().get("/orders/{id}", orderId).then().body("status", equalTo("CANCELLED"));
        stockIs(sku, 4, 0);
    }

    @Test
    void paidOrderShipsAndIsDeliveredAndIllegalStepsAnswer409WithTheCurrentState() {
        String sku = newProduct(999, 2);
        UUID orderId = placeOrder(sku, 1);
        AuthorizePayment payment = awaitPaymentRequest(orderId, Lane.INTERACTIVE);
        asStaff().post("/orders/{id}/ship", orderId).then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("PAYMENT_PENDING"));
        KAFKA.publish("payment-service", new PaymentAuthorized(payment.paymentId(), orderId, payment.amount(), Instant.now()));
        awaitStatus(orderId, "PAID");

        asStaff().post("/orders/{id}/cancel", orderId).then().statusCode(409).body("currentState", equalTo("PAID"));
        asStaff().post("/orders/{id}/deliver", orderId).then().statusCode(409).body("currentState", equalTo("PAID"));
        asStaff().post("/orders/{id}/ship", orderId).then().statusCode(200).body("status", equalTo("SHIPPED"));
        asStaff().post("/orders/{id}/deliver", orderId).then().statusCode(200).body("status", equalTo("DELIVERED"));
        asStaff().post("/orders/{id}/ship", orderId).then().statusCode(409).body("currentState", equalTo("DELIVERED"));
        KAFKA.await(Topics.ORDER_EVENTS, OrderShipped.class, e -> e.orderId().equals(orderId), WAIT);
        asStaff().get("/orders/{id}", orderId).then().body("history.to",
                equalTo(List.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING", "PAID", "SHIPPED", "DELIVERED")));
        asStaff().post("/orders/{id}/ship", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private static long voidsOf(UUID paymentId) {
        return KAFKA.events(Topics.PAYMENT_COMMANDS_INTERACTIVE).stream()
                .filter(e -> e.data() instanceof VoidPayment v && v.paymentId().equals(paymentId)).count();
    }

    @Test
    void fiftyConcurrentOrdersForTheLastTenUnitsSellExactlyTen() throws Exception {
        String sku = newProduct(1000, 10);
        List<Callable<UUID>> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Both lanes at once: their consumers reserve on different threads, so reservations really race.
            orders.add(i % 2 == 0 ? () -> placeOrder(sku, 1) : () -> requestOrder(List.of(new OrderLine(sku, null, 1, null))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<UUID> ids = new ArrayList<>();
        try {
            for (Future<UUID> placed : pool.invokeAll(orders)) {
                ids.add(placed.get());
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(WAIT).untilAsserted(() -> assertEquals(50, ids.stream()
                .map(id -> asStaff().get("/orders/{id}", id).then().extract().jsonPath())
                .filter(order -> order.getString("status") != null
                        && List.of("PAYMENT_PENDING", "REJECTED").contains(order.getString("status")))
                .count()));
        List<JsonPath> settled = ids.stream().map(id -> asStaff().get("/orders/{id}", id).then().extract().jsonPath()).toList();
        assertEquals(10, settled.stream().filter(o -> o.getString("status").equals("PAYMENT_PENDING")).count());
        assertEquals(40, settled.stream().filter(o -> "OUT_OF_STOCK".equals(o.getString("reason"))).count());
        stockIs(sku, 10, 10);

        for (JsonPath order : settled) {
            if (order.getString("status").equals("PAYMENT_PENDING")) {
                UUID orderId = UUID.fromString(order.getString("orderId"));
                AuthorizePayment payment = awaitPaymentRequest(orderId, Lane.valueOf(order.getString("lane")));
                KAFKA.publish("payment-service", new PaymentAuthorized(payment.paymentId(), orderId, payment.amount(), Instant.now()));
                awaitStatus(orderId, "PAID");
            }
        }
        stockIs(sku, 0, 0);
    }

    @Test
    void productsAreCreatedUpdatedAndAdjustedWithoutGoingBelowReserved() {
        String sku = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> product = Map.of("sku", sku, "name", "Fresh " + sku, "unitPriceMinor", 250, "onHand", 3);
        asStaff().contentType(ContentType.JSON).body(product).post("/products").then().statusCode(201)
                .header("Location", endsWith("/products/" + sku)).body("available", equalTo(3));
        asStaff().contentType(ContentType.JSON).body(product).post("/products").then().statusCode(409).body("field", equalTo("sku"));
        asStaff().contentType(ContentType.JSON).body(Map.of("name", "Renamed " + sku, "unitPriceMinor", 275))
                .put("/products/{sku}", sku).then().statusCode(200).body("unitPrice.amountMinor", equalTo(275));

        placeOrder(sku, 2);
        await().atMost(WAIT).untilAsserted(() -> stockIs(sku, 3, 2));
        asStaff().contentType(ContentType.JSON).body(Map.of("delta", -2, "reason", "damaged in storage"))
                .post("/products/{sku}/stock-adjustments", sku).then().statusCode(409)
                .body("onHand", equalTo(3)).body("reserved", equalTo(2));
        asStaff().contentType(ContentType.JSON).body(Map.of("products", List.of(Map.of("sku", sku, "name", "Renamed " + sku,
                        "unitPriceMinor", 275, "onHand", 1))))
                .post("/products/bulk").then().statusCode(409).body("field", equalTo("products[0].onHand"));
        asStaff().contentType(ContentType.JSON).body(Map.of("products", List.of(Map.of("sku", sku, "name", "Renamed " + sku,
                        "unitPriceMinor", 275, "onHand", 3))))
                .post("/products/bulk").then().statusCode(200).body("updated", equalTo(1));
        stockIs(sku, 3, 2);
        asStaff().contentType(ContentType.JSON).body(Map.of("delta", 7, "reason", "delivery from supplier"))
                .post("/products/{sku}/stock-adjustments", sku).then().statusCode(200)
                .body("onHand", equalTo(10)).body("available", equalTo(8));
        asStaff().get("/products?size=201").then().statusCode(400).body("field", equalTo("size"));
    }

    @Test
    void ordersAreListedByStatusCustomerAndDay() {
        String sku = newProduct(100, 5);
        String email = "lister-" + UUID.randomUUID() + "@example.com";
        String orderId = asStaff().contentType(ContentType.JSON)
                .body(Map.of("customer", Map.of("email", email, "name", "Lister"), "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/orders").then().statusCode(202).extract().path("orderId");
        awaitStatus(UUID.fromString(orderId), "PAYMENT_PENDING");
        String today = asStaff().get("/orders/{id}", orderId).then().extract().<String>path("createdAt").substring(0, 10);

        asStaff().get("/orders?customer={c}&status=PAYMENT_PENDING&from={d}&to={d}", email.toUpperCase(), today, today)
                .then().statusCode(200).body("total", equalTo(1)).body("items.orderId", hasItem(orderId));
        asStaff().get("/orders?customer={c}&from=2000-01-01&to=2000-01-31", email).then().statusCode(200).body("total", equalTo(0));
        asStaff().get("/orders?from=2026-13-01").then().statusCode(400).body("field", equalTo("from"));
        asStaff().get("/orders?from=2020-01-01&to=2026-01-01").then().statusCode(400).body("field", equalTo("to"));
        asStaff().get("/orders/stats").then().statusCode(200).body("byStatus.PAYMENT_PENDING", greaterThan(0));
    }

    @Test
    void aBodyOverTheLimitAnswers413NamingIt() {
        String oversized = "{\"customer\":{\"email\":\"big@example.com\",\"name\":\"" + "x".repeat(1_100_000) + "\"}}";
        asStaff().contentType(ContentType.JSON).body(oversized).post("/orders").then().statusCode(413)
                .contentType("application/problem+json").body("limit", equalTo("max-body-size"))
                .body("maxBytes", equalTo(1_048_576));
        asStaff().get("/orders?customer={c}", "c".repeat(255) + "@example.com").then().statusCode(400)
                .body("field", equalTo("customer"));
    }
}
