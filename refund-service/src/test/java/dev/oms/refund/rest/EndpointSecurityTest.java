package dev.oms.refund.rest;

import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.oms.infra.testing.EndpointSecurityCheck.endpoints;
import static dev.oms.infra.testing.TestAuth.ANALYST;
import static dev.oms.infra.testing.TestAuth.SUPPORT;

/** Every endpoint of the OpenAPI document against its roles: a new endpoint without a rule here fails. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_refunds"))
class EndpointSecurityTest {

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        endpoints()
                .deadLetterApi()
                .allow("GET /refunds/{refundId}", SUPPORT)
                .allow("GET /orders/{orderId}/refunds", SUPPORT)
                .allow("POST /orders/{orderId}/refunds", SUPPORT)
                .allow("GET /reports/refunds-daily", ANALYST)
                .verify();
    }
}
