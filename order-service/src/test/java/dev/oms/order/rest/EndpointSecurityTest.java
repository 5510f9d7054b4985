package dev.oms.order.rest;

import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.oms.infra.testing.EndpointSecurityCheck.endpoints;
import static dev.oms.infra.testing.TestAuth.ADMIN;
import static dev.oms.infra.testing.TestAuth.ANALYST;
import static dev.oms.infra.testing.TestAuth.CUSTOMER;
import static dev.oms.infra.testing.TestAuth.SUPPORT;

/** Every endpoint of the OpenAPI document against its roles: a new endpoint without a rule here fails. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class EndpointSecurityTest {

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        endpoints()
                .deadLetterApi()
                .allow("POST /orders", SUPPORT, CUSTOMER)
                .allow("GET /orders", SUPPORT, CUSTOMER)
                .allow("GET /orders/{orderId}", SUPPORT, CUSTOMER)
                .allow("POST /orders/{orderId}/cancel", SUPPORT)
                .allow("POST /orders/{orderId}/ship", SUPPORT)
                .allow("POST /orders/{orderId}/deliver", SUPPORT)
                .allow("GET /orders/stats", SUPPORT, ANALYST)
                .allow("GET /products", ADMIN, SUPPORT, ANALYST, CUSTOMER)
                .allow("GET /products/{sku}", ADMIN, SUPPORT, ANALYST, CUSTOMER)
                .allow("POST /products", ADMIN)
                .allow("POST /products/bulk", ADMIN)
                .allow("PUT /products/{sku}", ADMIN)
                .allow("POST /products/{sku}/stock-adjustments", ADMIN)
                .allow("GET /reports/paid-daily", ANALYST)
                .verify();
    }
}
