package dev.oms.analytics.rest;

import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.oms.infra.testing.EndpointSecurityCheck.endpoints;
import static dev.oms.infra.testing.TestAuth.ADMIN;
import static dev.oms.infra.testing.TestAuth.ANALYST;

/** Every endpoint of the OpenAPI document against its roles: a new endpoint without a rule here fails. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class EndpointSecurityTest {

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        endpoints()
                .deadLetterApi()
                .allow("GET /kpis", ANALYST)
                .allow("GET /kpis/daily", ANALYST)
                .allow("GET /kpis/stream", ANALYST)
                .allow("GET /leaderboard", ANALYST)
                .allow("GET /ops/queues", ANALYST, ADMIN)
                // Starts a real rebuild: harmless, it only recomputes the same numbers (RebuildTest waits for it).
                .allow("POST /ops/rebuild", ADMIN)
                .allow("GET /ops/rebuild", ANALYST, ADMIN)
                .allow("GET /ops/orders", ANALYST)
                .open("POST /session")
                .open("DELETE /session")
                .verify();
    }
}
