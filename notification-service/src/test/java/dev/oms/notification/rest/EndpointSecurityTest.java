package dev.oms.notification.rest;

import dev.oms.infra.OmsTestInfra;
import dev.oms.notification.testing.NotificationReceivers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.oms.infra.testing.EndpointSecurityCheck.endpoints;
import static dev.oms.infra.testing.TestAuth.ANALYST;
import static dev.oms.infra.testing.TestAuth.SUPPORT;

/** Every endpoint of the OpenAPI document against its roles: a new endpoint without a rule here fails. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class EndpointSecurityTest {

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        endpoints()
                .deadLetterApi()
                .allow("GET /notifications", SUPPORT)
                .allow("GET /notifications/report", SUPPORT, ANALYST)
                .verify();
    }
}
