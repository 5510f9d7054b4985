package dev.oms.analytics.rest;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.service.KeyLayout;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.oms.infra.testing.EndpointSecurityCheck.endpoints;
import static dev.oms.infra.testing.TestAuth.ADMIN;
import static dev.oms.infra.testing.TestAuth.ANALYST;
import static org.awaitility.Awaitility.await;

/** Every endpoint of the OpenAPI document against its roles: a new endpoint without a rule here fails. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class EndpointSecurityTest {

    @Inject
    RedisDataSource redis;
    @Inject
    KeyLayout keys;

    /** The check starts a real rebuild; the tests after this one should not see its switch. */
    @AfterEach
    void rebuildFinished() {
        await().atMost(Consumption.PATIENCE).until(() -> redis.value(String.class).get(keys.rebuildLock()) == null);
    }

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        endpoints()
                .deadLetterApi()
                .allow("GET /kpis", ANALYST)
                .allow("GET /kpis/daily", ANALYST)
                .allow("GET /kpis/stream", ANALYST)
                .allow("GET /leaderboard", ANALYST)
                .allow("GET /ops/queues", ANALYST, ADMIN)
                // Starts a real rebuild: harmless, it only recomputes the same numbers.
                .allow("POST /ops/rebuild", ADMIN)
                .allow("GET /ops/rebuild", ANALYST, ADMIN)
                .allow("GET /ops/orders", ANALYST)
                .open("POST /session")
                .open("DELETE /session")
                .verify();
    }
}
