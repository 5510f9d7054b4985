package dev.oms.analytics.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oms.analytics.Consumption;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.FailureReason;
import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderFailed;
import dev.oms.events.RefundCompleted;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.TestAuth;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.envelope;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser: signed in through its form, it shows the numbers the API answers (cards, the
 * 30-day chart, today's top 10, the ops panel), and a new paid order moves them over the event stream. It leaves a
 * screenshot in target/dashboard.png (the README's picture).
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class DashboardBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> KPIS = List.of("ordersCompleted", "ordersFailed", "ordersCancelled",
            "grossRevenueMinor", "refundedMinor", "netRevenueMinor", "averageOrderValueMinor", "refundsCompleted");
    private static final List<CustomerRef> SHOPPERS = List.of(shopper("Ada Lovelace"), shopper("Grace Hopper"),
            shopper("Alan Turing"), shopper("Katherine Johnson"), shopper("Edsger Dijkstra"),
            shopper("Barbara Liskov"), shopper("Donald Knuth"), shopper("Margaret Hamilton"),
            shopper("John Backus"), shopper("Frances Allen"), shopper("Ken Thompson"), shopper("Radia Perlman"));

    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URI dashboard;

    @Inject
    AppliedOffsets appliedOffsets;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start(1280, 900);
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void showsTheApisNumbersAndFollowsANewPaidOrderLive() throws IOException {
        publishAMonthOfOrders();
        chromium.navigate(dashboard);
        awaitTrue("!document.querySelector('#sign-in').hidden", "the sign-in form shows");

        chromium.evaluate("document.querySelector('#token').value = '"
                + TestAuth.token("analyst@oms.test", List.of(TestAuth.ANALYST)) + "';"
                + "document.querySelector('#sign-in-form').requestSubmit(); true");

        awaitTrue("!document.querySelector('#dashboard').hidden", "the dashboard shows");
        awaitTrue("document.querySelector('#live').dataset.state === 'live'", "the event stream is live");
        assertFalse(chromium.evaluate("document.cookie.includes('oms_session')").asBoolean(),
                "the session cookie is HttpOnly, out of the page's reach");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath kpis = dailyKpis();
            assertEquals(apiCards(kpis), pageCards());
            assertEquals(money(kpis.getLong("grossRevenueMinor")),
                    chromium.evaluate("document.querySelector('[data-kpi=grossRevenueMinor]').textContent").asText());
            assertEquals(apiChart(today), pageChart());
            assertEquals(apiTopTen(today), pageTopTen());
        });
        awaitTrue("document.querySelector('#orders [data-status=PAID]')?.dataset.value === '30'"
                + " && document.querySelector('#orders [data-status=TOTAL]')?.dataset.value === '42'",
                "the ops panel shows order-service's counts");
        awaitTrue("[...document.querySelectorAll('#lag tbody tr')].some(row => row.cells[0].textContent === '"
                + Consumption.GROUP + "')", "the ops panel shows this service's consumer lag");

        JsonPath before = dailyKpis();
        CustomerRef dana = shopper("Dana Scully");
        long paid = 48_250;
        OrderEventsFixture.publish(completed(dana, paid, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, String> cards = pageCards();
            assertEquals(Long.toString(before.getLong("ordersCompleted") + 1), cards.get("ordersCompleted"));
            assertEquals(Long.toString(before.getLong("grossRevenueMinor") + paid), cards.get("grossRevenueMinor"));
            assertTrue(pageTopTen().contains(dana.customerId() + "=" + paid), "Dana in the top 10: " + pageTopTen());
        });
        assertEquals(apiCards(dailyKpis()), pageCards());

        chromium.screenshot(Path.of("target", "dashboard.png"));
        assertTrue(Files.size(Path.of("target", "dashboard.png")) > 10_000, "a screenshot with something on it");
    }

    /** A month of orders by a few customers, refunds, failures and cancellations: what the page has to show. */
    private void publishAMonthOfOrders() {
        Random random = new Random(8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<RecordMetadata> published = new ArrayList<>();
        for (int daysAgo = 29; daysAgo >= 0; daysAgo--) {
            Instant time = daysAgo == 0 ? Instant.now() : noonOf(today.minusDays(daysAgo));
            int orders = daysAgo == 0 ? 8 : 5 + random.nextInt(6);
            for (int order = 0; order < orders; order++) {
                CustomerRef customer = SHOPPERS.get(random.nextInt(SHOPPERS.size()));
                published.add(OrderEventsFixture.publish(completed(customer, 1_500 + 100L * random.nextInt(400), time)));
            }
            CustomerRef someone = SHOPPERS.get(random.nextInt(SHOPPERS.size()));
            if (daysAgo == 0 || random.nextInt(2) == 0) {
                published.add(OrderEventsFixture.publish(EventEnvelope.of(UUID.randomUUID(), "refund-service", time,
                        new RefundCompleted(UUID.randomUUID(), UUID.randomUUID(), someone.customerId(),
                                usd(2_000 + 100L * random.nextInt(250))))));
            }
            if (daysAgo == 0 || random.nextInt(3) == 0) {
                published.add(OrderEventsFixture.publish(envelope(time, new OrderFailed(UUID.randomUUID(),
                        someone.customerId(), FailureReason.PAYMENT_DECLINED, "declined", usd(2_000)))));
                published.add(OrderEventsFixture.publish(envelope(time, new OrderCancelled(UUID.randomUUID(),
                        someone.customerId(), usd(3_500), "changed mind"))));
            }
        }
        Consumption.awaitApplied(appliedOffsets, published);
    }

    private static JsonPath dailyKpis() {
        return asStaff().when().get("/kpis/daily").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> apiCards(JsonPath kpis) {
        Map<String, String> cards = new LinkedHashMap<>();
        KPIS.forEach(kpi -> cards.put(kpi, Long.toString(kpis.getLong(kpi))));
        return cards;
    }

    private static Map<String, String> pageCards() {
        JsonNode values = chromium.evaluate("Object.fromEntries([...document.querySelectorAll('[data-kpi]')]"
                + ".map(card => [card.dataset.kpi, card.dataset.value]))");
        Map<String, String> cards = new LinkedHashMap<>();
        KPIS.forEach(kpi -> cards.put(kpi, values.path(kpi).asText()));
        return cards;
    }

    private static List<String> apiChart(LocalDate today) {
        List<Map<String, Object>> days = asStaff().queryParam("from", today.minusDays(29).toString())
                .queryParam("to", today.toString()).when().get("/kpis")
                .then().statusCode(200).extract().jsonPath().getList("days");
        return days.stream().map(day -> day.get("date") + "=" + day.get("grossRevenueMinor")).toList();
    }

    private static List<String> pageChart() {
        return strings(chromium.evaluate("[...document.querySelectorAll('#chart circle.gross')]"
                + ".map(point => point.dataset.date + '=' + point.dataset.value)"));
    }

    private static List<String> apiTopTen(LocalDate today) {
        List<Map<String, Object>> entries = asStaff().queryParam("date", today.toString()).queryParam("limit", 10)
                .when().get("/leaderboard").then().statusCode(200).extract().jsonPath().getList("entries");
        return entries.stream().map(entry -> entry.get("customerId") + "=" + entry.get("netSpendMinor")).toList();
    }

    private static List<String> pageTopTen() {
        return strings(chromium.evaluate("[...document.querySelectorAll('#top tbody tr')]"
                + ".map(row => row.dataset.customerId + '=' + row.cells[3].dataset.value)"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void awaitTrue(String expression, String what) {
        await(what).atMost(PATIENCE).until(() -> chromium.evaluate(expression).asBoolean());
    }

    /** As the page formats it in en-US (Chromium runs with --lang=en-US). */
    private static String money(long minor) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(new BigDecimal(BigInteger.valueOf(minor), 2));
    }

    private static Money usd(long minor) {
        return new Money(minor, "USD");
    }

    private static CustomerRef shopper(String name) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
        return new CustomerRef(Ids.customerId(email), email, name);
    }
}
