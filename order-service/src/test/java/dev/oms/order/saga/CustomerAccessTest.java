package dev.oms.order.saga;

import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asCustomer;
import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.awaitStatus;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A customer's token (subject = their email) places and reads that customer's orders, and no one else's. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class CustomerAccessTest {

    @Test
    void aCustomerPlacesAndReadsOnlyTheirOwnOrders() {
        String sku = newProduct(250, 10);
        String alice = "alice-" + UUID.randomUUID() + "@example.com";
        String bob = "bob-" + UUID.randomUUID() + "@example.com";

        String aliceOrder = asCustomer(alice).contentType(ContentType.JSON).body(order(alice.toUpperCase(), sku))
                .post("/orders").then().statusCode(202).extract().path("orderId");
        asCustomer(alice).contentType(ContentType.JSON).body(order(bob, sku))
                .post("/orders").then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("customer.email"));
        String bobOrder = asStaff().contentType(ContentType.JSON).body(order(bob, sku))
                .post("/orders").then().statusCode(202).extract().path("orderId");

        // 202 comes before the saga stores the order: wait until both exist, so that the 404 below hides a real one.
        awaitStatus(UUID.fromString(aliceOrder), "PAYMENT_PENDING");
        awaitStatus(UUID.fromString(bobOrder), "PAYMENT_PENDING");

        asCustomer(alice).get("/orders/{id}", aliceOrder).then().statusCode(200).body("customer.email", equalTo(alice));
        asCustomer(alice).get("/orders/{id}", bobOrder).then().statusCode(404).contentType("application/problem+json");
        asCustomer(alice).get("/orders").then().statusCode(200).body("items.orderId", contains(aliceOrder));
        asCustomer(alice).get("/orders?customer={c}", bob).then().statusCode(403).body("field", equalTo("customer"));
        asCustomer(bob).get("/orders/{id}", bobOrder).then().statusCode(200);
    }

    private static Map<String, Object> order(String email, String sku) {
        return Map.of("customer", Map.of("email", email, "name", "Customer"),
                "lines", List.of(Map.of("sku", sku, "quantity", 1)));
    }
}
