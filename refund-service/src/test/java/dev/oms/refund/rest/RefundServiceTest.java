package dev.oms.refund.rest;

import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_refunds"))
class RefundServiceTest {

    @Test
    void readyWithItsMigratedDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void unknownRefundIsProblemJson404AndAnOrderWithoutRefundsListsNone() {
        asStaff().get("/refunds/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not found"));
        asStaff().get("/orders/{id}/refunds", UUID.randomUUID()).then().statusCode(200).body("size()", equalTo(0));
        asStaff().get("/refunds/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("OMS refund-service"));
    }
}
