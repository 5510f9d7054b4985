package dev.oms.notification.rest;

import dev.oms.events.EventEnvelope;
import dev.oms.infra.OmsTestInfra;
import dev.oms.notification.testing.History;
import dev.oms.notification.testing.NotificationReceivers;
import dev.oms.notification.testing.SmtpServer;
import dev.oms.notification.testing.TestOrder;
import dev.oms.notification.testing.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The history and report of one customer's notifications: three orders, four events, four channels each; the webhook
 * receiver refuses this customer's calls (400, final), so every event has 3 SENT and 1 FAILED notification.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class NotificationApiTest {

    private static SmtpServer smtp;
    private static WebhookReceiver webhook;
    private static Instant start;
    private static UUID customerId;
    private static TestOrder rejectedOrder;

    // Once for the class, but in a @BeforeEach: RestAssured points at the application only from there on.
    @BeforeEach
    void oneCustomersNotificationsHaveEnded() {
        if (customerId != null) {
            return;
        }
        smtp = SmtpServer.start();
        webhook = WebhookReceiver.start();
        String email = "api-" + UUID.randomUUID() + "@example.com";
        UUID customer = new TestOrder(email).customerId;
        webhook.answer(body -> body.path("customerId").asText().equals(customer.toString()) ? 400 : 200);
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        TestOrder confirmed = new TestOrder(email);
        confirmed.accepted();
        EventEnvelope first = confirmed.completed();
        rejectedOrder = new TestOrder(email);
        rejectedOrder.accepted();
        EventEnvelope second = rejectedOrder.rejected();
        TestOrder shipped = new TestOrder(email);
        shipped.accepted();
        EventEnvelope third = shipped.completed();
        EventEnvelope fourth = shipped.shipped();

        History.awaitOrder(confirmed.orderId, History.ended(4, first.id()));
        History.awaitOrder(rejectedOrder.orderId, History.ended(4, second.id()));
        History.awaitOrder(shipped.orderId, History.ended(4, third.id(), fourth.id()));
        customerId = customer;
    }

    @AfterAll
    static void stopReceivers() {
        if (smtp != null) {
            smtp.close();
            webhook.close();
        }
    }

    @Test
    void listsTheCustomersNotificationsNewestFirstPageByPage() {
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < 4; page++) {
            List<String> ids = list(Map.of("customerId", customerId, "size", 5, "page", page))
                    .body("total", equalTo(16)).body("page", equalTo(page)).body("size", equalTo(5))
                    .body("items", hasSize(page < 3 ? 5 : 1))
                    .extract().jsonPath().getList("items.notificationId", String.class);
            seen.addAll(ids);
        }
        assertEquals(16, seen.size(), "every notification once across the pages");
        List<String> created = list(Map.of("customerId", customerId, "size", 200))
                .extract().jsonPath().getList("items.createdAt", String.class);
        for (int i = 1; i < created.size(); i++) {
            assertEquals(true, Instant.parse(created.get(i - 1)).compareTo(Instant.parse(created.get(i))) >= 0,
                    "newest first: " + created);
        }
    }

    @Test
    void filtersByOrderTypeStatusAndTime() {
        list(Map.of("customerId", customerId, "type", "ORDER_CONFIRMED")).body("total", equalTo(8))
                .body("items.type", everyItem(equalTo("ORDER_CONFIRMED")));
        list(Map.of("customerId", customerId, "status", "failed")).body("total", equalTo(4))
                .body("items.channel", everyItem(equalTo("webhook")))
                .body("items.lastError", everyItem(containsString("HTTP 400")));
        list(Map.of("orderId", rejectedOrder.orderId)).body("total", equalTo(4))
                .body("items.type", everyItem(equalTo("ORDER_FAILED")))
                .body("items.orderStatus", everyItem(equalTo("REJECTED")))
                .body("items.total.amountMinor", everyItem(equalTo(12_999)));
        list(Map.of("customerId", customerId, "from", start.toString(), "to",
                Instant.now().plus(Duration.ofMinutes(1)).toString()))
                .body("total", equalTo(16));
        list(Map.of("customerId", customerId, "from",
                Instant.now().plus(Duration.ofHours(1)).toString())).body("total", equalTo(0));
        list(Map.of("customerId", customerId, "to",
                start.minus(Duration.ofMinutes(1)).toString())).body("total", equalTo(0));
    }

    @Test
    void reportCountsByTypeAndStatusWithTheSuccessRate() {
        asStaff().queryParam("customerId", customerId).get("/notifications/report").then().statusCode(200)
                .body("byType.find { it.type == 'ORDER_CONFIRMED' }.sent", equalTo(6))
                .body("byType.find { it.type == 'ORDER_CONFIRMED' }.failed", equalTo(2))
                .body("byType.find { it.type == 'ORDER_CONFIRMED' }.pending", equalTo(0))
                .body("byType.find { it.type == 'ORDER_CONFIRMED' }.successRate", equalTo(0.75f))
                .body("byType.find { it.type == 'ORDER_FAILED' }.sent", equalTo(3))
                .body("byType.find { it.type == 'ORDER_SHIPPED' }.failed", equalTo(1))
                .body("byType.find { it.type == 'REFUND_COMPLETED' }.sent", equalTo(0))
                .body("byType.find { it.type == 'REFUND_COMPLETED' }.successRate", nullValue())
                .body("byType", hasSize(6))
                .body("total.sent", equalTo(12))
                .body("total.failed", equalTo(4))
                .body("total.successRate", equalTo(0.75f));
        asStaff().queryParam("customerId", customerId).queryParam("status", "SENT").queryParam("type", "ORDER_SHIPPED")
                .get("/notifications/report").then().statusCode(200)
                .body("total.sent", equalTo(3)).body("total.failed", equalTo(0)).body("total.successRate", equalTo(1.0f));
    }

    @Test
    void aFilterThatDoesNotParseIsA400NamingIt() {
        Map<String, String> bad = Map.of("orderId", "not-a-uuid", "customerId", "42", "type", "ORDER_LOST",
                "status", "MAYBE", "from", "2026-11-22", "to", "yesterday");
        for (Map.Entry<String, String> parameter : bad.entrySet()) {
            for (String path : List.of("/notifications", "/notifications/report")) {
                asStaff().queryParam(parameter.getKey(), parameter.getValue()).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("field", equalTo(parameter.getKey()));
            }
        }
        asStaff().queryParam("from", "2026-11-22T10:00:00Z").queryParam("to", "2026-11-22T09:00:00Z")
                .get("/notifications").then().statusCode(400).body("field", equalTo("to"));
        asStaff().queryParam("size", 201).get("/notifications").then().statusCode(400).body("field", equalTo("size"));
        asStaff().queryParam("page", -1).get("/notifications").then().statusCode(400).body("field", equalTo("page"));
    }

    private static ValidatableResponse list(Map<String, Object> parameters) {
        return asStaff().queryParams(parameters).get("/notifications").then().statusCode(200);
    }
}
