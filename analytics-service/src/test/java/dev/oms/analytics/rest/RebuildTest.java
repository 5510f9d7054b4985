package dev.oms.analytics.rest;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.GeneratedBusiness;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.analytics.service.Generations;
import dev.oms.analytics.service.KeyLayout;
import dev.oms.analytics.service.RebuildLedger;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.TestAuth;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
import static dev.oms.infra.testing.TestAuth.asStaff;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /ops/rebuild}: the numbers recomputed from the topics into a new generation equal the live ones. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class RebuildTest {

    private static final String ADMIN_TOKEN = TestAuth.token("admin@oms.test", List.of(TestAuth.ADMIN));

    @Inject
    AppliedOffsets appliedOffsets;
    @Inject
    Generations generations;
    @Inject
    KeyLayout keys;
    @Inject
    RebuildLedger ledger;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void noRebuildRuns() {
        // Another test (the endpoint security check) may have started one.
        await().atMost(Consumption.PATIENCE).until(() -> redis.value(String.class).get(keys.rebuildLock()) == null);
    }

    @Test
    void aRebuildEqualsTheLiveNumbersAndLiveConsumptionGoesOnInTheNewGeneration() {
        LocalDate first = OrderEventsFixture.uniqueDay();
        LocalDate last = first.plusDays(2);
        GeneratedBusiness business = GeneratedBusiness.generate(first.toEpochDay(), first, 3, 200);
        Consumption.publishAndAwait(appliedOffsets, business.events());
        String liveRange = range(first, last);
        String liveBoard = leaderboard();
        long replaced = generations.current();

        JsonPath started = given().auth().oauth2(ADMIN_TOKEN).when().post("/ops/rebuild")
                .then().statusCode(202).header("Location", endsWith("/ops/rebuild"))
                .body("state", equalTo("RUNNING")).extract().jsonPath();
        assertEquals(replaced, started.getLong("fromGeneration"));
        assertEquals(replaced + 1, started.getLong("toGeneration"));
        // Reads keep answering, from the old generation and then the new one, with the same numbers throughout.
        JsonPath finished = await().atMost(Consumption.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertEquals(liveRange, range(first, last));
            return given().auth().oauth2(ADMIN_TOKEN).when().get("/ops/rebuild").then().statusCode(200)
                    .extract().jsonPath();
        }, status -> !status.getString("state").equals("RUNNING"));

        assertEquals("SWITCHED", finished.getString("state"), finished.prettify());
        assertEquals(replaced + 1, generations.current());
        assertTrue(finished.getLong("recordsRead") >= finished.getLong("recordsTotal"), finished.prettify());
        assertTrue(finished.getLong("eventsApplied") >= business.events().size(), finished.prettify());
        assertEquals(liveRange, range(first, last));
        assertEquals(liveBoard, leaderboard());

        // Live consumption continues in the new generation: a new order counts once.
        var customer = newCustomer("After");
        Consumption.publishAndAwait(appliedOffsets, List.of(completed(customer, 777, noonOf(first))));
        // Reads may use the generation they saw up to Generations.READ_CACHE ago, the replaced one included.
        await().atMost(Consumption.PATIENCE).untilAsserted(() -> asStaff().queryParam("date", first.toString())
                .queryParam("limit", 100).when().get("/leaderboard").then().statusCode(200)
                .body("entries.find { it.customerId == '" + customer.customerId() + "' }.netSpendMinor", equalTo(777)));
        // The replaced generation is deleted once no read can still be using it.
        String replacedDay = keys.generation(replaced).dayKpis(first);
        await().atMost(Consumption.PATIENCE).until(() -> !redis.key().exists(replacedDay)
                && !generations.stale().contains(replaced));
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflict() {
        String someoneElse = "test-" + UUID.randomUUID();
        assertTrue(ledger.lock(someoneElse, Duration.ofMinutes(1)));
        try {
            // Only the owner renews or releases the lock.
            assertFalse(ledger.renew("intruder", Duration.ofMinutes(5)));
            ledger.unlock("intruder");
            assertEquals(someoneElse, redis.value(String.class).get(keys.rebuildLock()));
            assertTrue(ledger.renew(someoneElse, Duration.ofMinutes(1)));
            given().auth().oauth2(ADMIN_TOKEN).when().post("/ops/rebuild")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", equalTo("a rebuild is already running; follow it with GET /ops/rebuild"));
        } finally {
            ledger.unlock(someoneElse);
        }
        assertNotEquals(someoneElse, redis.value(String.class).get(keys.rebuildLock()));
    }

    @Test
    void anAnalystFollowsARebuildButCannotStartOne() {
        String analyst = TestAuth.token("analyst@oms.test", List.of(TestAuth.ANALYST));
        given().auth().oauth2(analyst).when().post("/ops/rebuild").then().statusCode(403);
    }

    private static String range(LocalDate first, LocalDate last) {
        return asStaff().queryParam("from", first.toString()).queryParam("to", last.toString()).when().get("/kpis")
                .then().statusCode(200).extract().asString();
    }

    private static String leaderboard() {
        return asStaff().queryParam("limit", 100).when().get("/leaderboard").then().statusCode(200)
                .extract().asString();
    }
}
