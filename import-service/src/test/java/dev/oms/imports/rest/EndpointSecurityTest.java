package dev.oms.imports.rest;

import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.oms.infra.testing.EndpointSecurityCheck.endpoints;
import static dev.oms.infra.testing.TestAuth.ADMIN;

/** Every endpoint of the OpenAPI document against its roles: a new endpoint without a rule here fails. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_imports"))
class EndpointSecurityTest {

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        endpoints()
                .deadLetterApi()
                .allow("POST /imports", ADMIN)
                .allow("POST /imports/from-path", ADMIN)
                .allow("GET /imports", ADMIN)
                .allow("GET /imports/{id}", ADMIN)
                .allow("GET /imports/{id}/errors", ADMIN)
                .allow("GET /imports/{id}/errors.csv", ADMIN)
                .allow("GET /imports/{id}/progress", ADMIN)
                .allow("POST /imports/{id}/cancel", ADMIN)
                .verify();
    }
}
