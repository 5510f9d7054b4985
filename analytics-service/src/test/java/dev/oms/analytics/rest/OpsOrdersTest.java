package dev.oms.analytics.rest;

import dev.oms.analytics.StubOrderService;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.TestAuth;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /ops/orders}: order-service's counts, asked with the caller's own token. The stub order-service is
 * global, so every test class of this module runs against one application (no restart) and the dashboard's ops
 * panel has counts to show.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
@WithTestResource(value = StubOrderService.class, scope = TestResourceScope.GLOBAL)
class OpsOrdersTest {

    @ConfigProperty(name = "oms.order-service.url")
    String orderService;

    @AfterEach
    void orderServiceUp() {
        stubMode("up");
    }

    @Test
    void answersOrderServicesCountsAskedWithTheCallersBearerToken() {
        String token = analystToken();

        RestAssured.given().auth().oauth2(token).when().get("/ops/orders")
                .then().statusCode(200)
                .body("total", equalTo(42))
                .body("byStatus.PAID", equalTo(30))
                .body("byStatus.PENDING_PAYMENT", equalTo(2));
        assertEquals("Bearer " + token, lastAuthorization());
    }

    @Test
    void aSessionCookiesTokenIsForwardedAsABearerToken() {
        String token = analystToken();
        String cookie = RestAssured.given().contentType("application/json").body("{\"token\":\"" + token + "\"}")
                .when().post("/session").then().statusCode(200).extract().cookie(SessionResource.COOKIE);

        RestAssured.given().cookie(SessionResource.COOKIE, cookie).when().get("/ops/orders")
                .then().statusCode(200).body("total", equalTo(42));
        assertEquals("Bearer " + token, lastAuthorization());
    }

    @Test
    void anOrderServiceThatFailsIsA503Problem() {
        stubMode("error");

        TestAuth.withRoles("analyst@oms.test", List.of(TestAuth.ANALYST)).when().get("/ops/orders")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", startsWith("order-service unavailable: "));
    }

    @Test
    void anOrderServiceSlowerThanTheTimeoutIsA503Problem() {
        stubMode("hang");

        TestAuth.withRoles("analyst@oms.test", List.of(TestAuth.ANALYST)).when().get("/ops/orders")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", startsWith("order-service unavailable: "));
    }

    /** A token no other test sends, so the stub's last header is surely this test's. */
    private static String analystToken() {
        return TestAuth.token("ops-" + UUID.randomUUID() + "@oms.test", List.of(TestAuth.ANALYST));
    }

    private void stubMode(String mode) {
        RestAssured.given().body(mode).when().put(orderService + "/stub/mode")
                .then().statusCode(204);
    }

    private String lastAuthorization() {
        String all = RestAssured.given().when().get(orderService + "/stub/authorizations")
                .then().statusCode(200).extract().asString();
        return all.lines().findFirst().orElse("");
    }
}
