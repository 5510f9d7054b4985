package dev.oms.analytics.rest;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.events.CustomerRef;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class LeaderboardTest {

    @Inject
    AppliedOffsets appliedOffsets;

    @Inject
    RedisDataSource redis;

    private final List<RecordMetadata> published = new ArrayList<>();

    @Test
    void ranksCustomersOfADayByNetSpendWithTiesByAscendingCustomerId() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        Map<CustomerRef, Long> spend = new LinkedHashMap<>();
        CustomerRef ann = newCustomer("Ann");
        CustomerRef bob = newCustomer("Bob");
        CustomerRef cid = newCustomer("Cid");
        CustomerRef dot = newCustomer("Dot");
        pay(spend, ann, 100, noonOf(day));
        pay(spend, bob, 300, noonOf(day));
        pay(spend, cid, 500, noonOf(day));
        pay(spend, ann, 200, noonOf(day).plusSeconds(30));
        pay(spend, dot, 50, noonOf(day));
        Consumption.awaitApplied(appliedOffsets, published);

        List<CustomerRef> expected = ranked(spend);
        JsonPath board = asStaff().queryParam("date", day.toString()).queryParam("limit", 3)
                .when().get("/leaderboard")
                .then().statusCode(200)
                .body("scope", equalTo(day.toString()))
                .body("entries", hasSize(3))
                .extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            CustomerRef customer = expected.get(i);
            String entry = "entries[" + i + "].";
            assertEquals(i + 1, board.getInt(entry + "rank"));
            assertEquals(customer.customerId().toString(), board.getString(entry + "customerId"));
            assertEquals(customer.name(), board.getString(entry + "name"));
            assertEquals(customer.email(), board.getString(entry + "email"));
            assertEquals(spend.get(customer), board.getLong(entry + "netSpendMinor"));
        }
    }

    @Test
    void theAllTimeBoardAddsUpEveryDayAndEachDayBoardOnlyItsOwn() {
        LocalDate first = OrderEventsFixture.uniqueDay();
        LocalDate second = first.plusDays(1);
        Map<CustomerRef, Long> allTime = new LinkedHashMap<>();
        Map<CustomerRef, Long> secondDay = new LinkedHashMap<>();
        // Big amounts keep these customers in the top 100 of a board other tests also write to.
        CustomerRef eve = newCustomer("Eve");
        CustomerRef fay = newCustomer("Fay");
        CustomerRef gus = newCustomer("Gus");
        pay(allTime, eve, 9_000_000, noonOf(first));
        pay(allTime, fay, 7_000_000, noonOf(first));
        pay(allTime, gus, 8_000_000, noonOf(first));
        pay(allTime, fay, 2_000_000, noonOf(second));
        secondDay.put(fay, 2_000_000L);
        pay(allTime, gus, 1_000_000, noonOf(second));
        secondDay.put(gus, 1_000_000L);
        Consumption.awaitApplied(appliedOffsets, published);

        JsonPath all = asStaff().queryParam("limit", 100).when().get("/leaderboard")
                .then().statusCode(200).body("scope", equalTo("all")).extract().jsonPath();
        Set<String> ours = allTime.keySet().stream().map(c -> c.customerId().toString()).collect(Collectors.toSet());
        List<Map<String, Object>> ourEntries = all.<Map<String, Object>>getList("entries").stream()
                .filter(entry -> ours.contains(entry.get("customerId")))
                .toList();
        List<CustomerRef> expected = ranked(allTime);
        assertEquals(expected.size(), ourEntries.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).customerId().toString(), ourEntries.get(i).get("customerId"));
            assertEquals(allTime.get(expected.get(i)), ((Number) ourEntries.get(i).get("netSpendMinor")).longValue());
        }

        JsonPath daily = asStaff().queryParam("date", second.toString()).when().get("/leaderboard")
                .then().statusCode(200).body("entries", hasSize(secondDay.size())).extract().jsonPath();
        List<CustomerRef> expectedSecond = ranked(secondDay);
        for (int i = 0; i < expectedSecond.size(); i++) {
            assertEquals(expectedSecond.get(i).customerId().toString(), daily.getString("entries[" + i + "].customerId"));
            assertEquals(secondDay.get(expectedSecond.get(i)), daily.getLong("entries[" + i + "].netSpendMinor"));
        }
    }

    @Test
    void theDefaultLimitIsTen() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        Map<CustomerRef, Long> spend = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            pay(spend, newCustomer("C" + i), 10 + i, noonOf(day));
        }
        Consumption.awaitApplied(appliedOffsets, published);

        asStaff().queryParam("date", day.toString()).when().get("/leaderboard")
                .then().statusCode(200).body("entries", hasSize(10))
                .body("entries[0].netSpendMinor", equalTo(21))
                .body("entries[9].rank", equalTo(10));
    }

    @Test
    void answersAfterRedisForgotItsScripts() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        Map<CustomerRef, Long> spend = new LinkedHashMap<>();
        CustomerRef eve = newCustomer("Eve");
        pay(spend, eve, 700, noonOf(day));
        Consumption.awaitApplied(appliedOffsets, published);
        asStaff().queryParam("date", day.toString()).when().get("/leaderboard").then().statusCode(200);

        // As after a Redis restart or failover: the board's script is loaded again on its next call.
        redis.execute("SCRIPT", "FLUSH");

        asStaff().queryParam("date", day.toString()).when().get("/leaderboard")
                .then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].name", equalTo(eve.name()))
                .body("entries[0].netSpendMinor", equalTo(700));
    }

    @Test
    void aDayWithoutOrdersHasAnEmptyBoard() {
        asStaff().queryParam("date", OrderEventsFixture.uniqueDay().toString()).when().get("/leaderboard")
                .then().statusCode(200).body("entries", hasSize(0));
    }

    @Test
    void aLimitOutsideOneToHundredIsABadRequestNamingTheField() {
        for (String bad : new String[] {"0", "101", "-1", "ten", "1.5"}) {
            asStaff().queryParam("limit", bad)
                    .when().get("/leaderboard")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("limit"));
        }
        asStaff().queryParam("limit", 100).when().get("/leaderboard").then().statusCode(200);
        asStaff().queryParam("limit", 1).when().get("/leaderboard").then().statusCode(200);
    }

    @Test
    void aBadDateIsABadRequestNamingTheField() {
        asStaff().queryParam("date", "2026-11-31")
                .when().get("/leaderboard")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("date"));
    }

    private void pay(Map<CustomerRef, Long> spend, CustomerRef customer, long amountMinor, Instant paidAt) {
        published.add(OrderEventsFixture.publish(completed(customer, amountMinor, paidAt)));
        spend.merge(customer, amountMinor, Long::sum);
    }

    /** Biggest spend first; equal spend by ascending customer id text. */
    private static List<CustomerRef> ranked(Map<CustomerRef, Long> spend) {
        return spend.keySet().stream()
                .sorted(Comparator.<CustomerRef>comparingLong(spend::get).reversed()
                        .thenComparing(customer -> customer.customerId().toString()))
                .toList();
    }
}
