package dev.oms.notification.rest;

import dev.oms.infra.OmsTestInfra;
import dev.oms.notification.testing.NotificationReceivers;
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
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class NotificationServiceTest {

    @Test
    void readyWithItsMigratedDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void historyListsByOrderAndRejectsOversizedPages() {
        asStaff().get("/notifications?orderId={id}", UUID.randomUUID()).then().statusCode(200).body("total", equalTo(0))
                .body("items.size()", equalTo(0));
        asStaff().get("/notifications?size=201").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("size"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("OMS notification-service"));
    }
}
