package dev.oms.notification.service;

import dev.oms.events.EventEnvelope;
import dev.oms.events.NotificationFailed;
import dev.oms.events.NotificationSent;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.KafkaTestClient;
import dev.oms.infra.testing.PrometheusScrape;
import dev.oms.notification.testing.History;
import dev.oms.notification.testing.History.Row;
import dev.oms.notification.testing.KafkaCatchUp;
import dev.oms.notification.testing.NotificationReceivers;
import dev.oms.notification.testing.SmtpServer;
import dev.oms.notification.testing.TestOrder;
import dev.oms.notification.testing.WebhookReceiver;
import dev.oms.platform.webhook.SignatureCheck;
import dev.oms.platform.webhook.WebhookSignature;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications from real events on real topics to a real SMTP server and a real webhook receiver. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class DeliveryTest {

    private static final String METRIC = "oms_notifications_total";
    private static final Set<String> ALL_CHANNELS = Set.of("log", "email", "webhook", "push");

    private static SmtpServer smtp;
    private static WebhookReceiver webhook;

    @BeforeAll
    static void startReceivers() {
        smtp = SmtpServer.start();
        webhook = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceivers() {
        smtp.close();
        webhook.close();
    }

    @Test
    void everyNotificationEventPublishedTwiceMakesOneRowAndOneSendPerChannel() {
        TestOrder paid = new TestOrder();
        TestOrder rejected = new TestOrder();
        TestOrder failed = new TestOrder();
        TestOrder cancelled = new TestOrder();
        List<EventEnvelope> notified = new ArrayList<>();
        paid.accepted();
        notified.add(paid.completed());
        notified.add(paid.shipped());
        notified.add(paid.delivered());
        notified.add(paid.refundCompleted(2_500));
        notified.add(paid.refundFailed(1_000, "card expired"));
        rejected.accepted();
        notified.add(rejected.rejected());
        failed.accepted();
        notified.add(failed.failed());
        cancelled.accepted();
        notified.add(cancelled.cancelled());

        notified.forEach(TestOrder::republish);
        KafkaCatchUp.awaitApplied(Topics.ORDER_EVENTS, Topics.REFUND_EVENTS);

        for (EventEnvelope event : notified) {
            List<Row> rows = History.awaitOrder(event.subject(), History.ended(4, event.id())).stream()
                    .filter(row -> row.eventId().equals(event.id())).toList();
            String what = event.type() + " " + event.id();
            assertEquals(ALL_CHANNELS, rows.stream().map(Row::channel).collect(Collectors.toSet()), what);
            assertEquals(4, rows.size(), what);
            rows.forEach(row -> {
                assertEquals("SENT", row.status(), what + " " + row.channel() + ": " + row.lastError());
                assertEquals(1, row.attempts(), what + " " + row.channel());
            });
            assertEquals(1, smtp.withEventId(event.id()).size(), "emails of " + what);
            assertEquals(1, webhook.callsFor(event.id()).size(), "webhook calls of " + what);
        }
        List<EventEnvelope> sentEvents = KafkaTestClient.shared().events(Topics.NOTIFICATION_EVENTS);
        for (EventEnvelope event : notified) {
            long published = sentEvents.stream().map(EventEnvelope::data)
                    .filter(data -> data instanceof NotificationSent sent && sent.sourceEventId().equals(event.id()))
                    .count();
            assertEquals(4, published, "NotificationSent of " + event.type() + " " + event.id());
        }
    }

    @Test
    void emailsGoToTheAddressTheOrderWasPlacedWithAndSayWhatHappened() throws Exception {
        TestOrder order = new TestOrder();
        order.accepted();
        EventEnvelope confirmed = order.completed();

        History.awaitOrder(order.orderId, History.ended(4, confirmed.id()));

        List<MimeMessage> emails = smtp.withEventId(confirmed.id());
        assertEquals(1, emails.size());
        MimeMessage email = emails.get(0);
        assertEquals(order.email, email.getAllRecipients()[0].toString());
        assertEquals("Your order " + order.orderId + " is confirmed", email.getSubject());
        String body = email.getContent().toString();
        assertTrue(body.contains("Hello Ann Tester"), body);
        assertTrue(body.contains("Status: PAID"), body);
        assertTrue(body.contains("Total:  USD 129.99"), body);
    }

    @Test
    void webhookCallsAreSignedCarryTheEventIdAndAreRetriedAfterA5xx() {
        TestOrder order = new TestOrder();
        order.accepted();
        order.completed();
        // The first call about this order's shipment gets a 503, every later one a 200.
        webhook.answer(body -> body.path("orderId").asText().equals(order.orderId.toString())
                && body.path("type").asText().equals("ORDER_SHIPPED")
                && webhook.callsFor(UUID.fromString(body.path("eventId").asText())).isEmpty() ? 503 : 200);
        try {
            EventEnvelope shipped = order.shipped();

            Row row = History.awaitOrder(order.orderId, History.ended(4, shipped.id())).stream()
                    .filter(r -> r.eventId().equals(shipped.id()) && r.channel().equals("webhook")).findFirst().orElseThrow();
            assertEquals("SENT", row.status());
            assertEquals(2, row.attempts());
            assertTrue(row.lastError().contains("HTTP 503"), row.lastError());

            List<WebhookReceiver.Call> calls = webhook.callsFor(shipped.id());
            assertEquals(List.of(503, 200), calls.stream().map(WebhookReceiver.Call::answered).toList());
            WebhookSignature signature = new WebhookSignature(
                    ConfigProvider.getConfig().getValue("oms.notifications.webhook.secret", String.class),
                    Duration.ofMinutes(5));
            for (WebhookReceiver.Call call : calls) {
                assertEquals(SignatureCheck.VALID,
                        signature.check(call.timestamp(), call.signature(), call.body(), Instant.now()));
                assertEquals(shipped.id().toString(), call.eventIdHeader());
                assertEquals(shipped.id().toString(), call.json().path("eventId").asText());
                assertEquals("SHIPPED", call.json().path("orderStatus").asText());
                assertEquals(12_999, call.json().path("total").path("amountMinor").asLong());
                assertEquals(order.customerId.toString(), call.json().path("customerId").asText());
            }
            assertEquals(SignatureCheck.BAD_SIGNATURE, new WebhookSignature("another-secret", Duration.ofMinutes(5))
                    .check(calls.get(0).timestamp(), calls.get(0).signature(), calls.get(0).body(), Instant.now()));
        } finally {
            webhook.answer(body -> 200);
        }
    }

    @Test
    void aWebhookThatKeepsFailingEndsFailedWithItsLastErrorAndIsAnnounced() {
        TestOrder order = new TestOrder();
        webhook.answer(body -> body.path("orderId").asText().equals(order.orderId.toString()) ? 500 : 200);
        PrometheusScrape before = PrometheusScrape.now();
        try {
            order.accepted();
            EventEnvelope rejected = order.rejected();

            Row row = History.awaitOrder(order.orderId, History.ended(4, rejected.id())).stream()
                    .filter(r -> r.channel().equals("webhook")).findFirst().orElseThrow();
            assertEquals("FAILED", row.status());
            assertEquals(3, row.attempts());
            assertTrue(row.lastError().contains("HTTP 500"), row.lastError());
            assertEquals(3, webhook.callsFor(rejected.id()).size());
            KafkaTestClient.shared().await(Topics.NOTIFICATION_EVENTS, NotificationFailed.class,
                    failed -> failed.notificationId().equals(row.notificationId()) && failed.error().contains("HTTP 500")
                            && failed.channel().equals("webhook"), Duration.ofSeconds(30));
            PrometheusScrape after = PrometheusScrape.now();
            String[] failedWebhooks = {"type=\"ORDER_FAILED\"", "channel=\"webhook\"", "outcome=\"failed\""};
            String[] retriedWebhooks = {"type=\"ORDER_FAILED\"", "channel=\"webhook\"", "outcome=\"retried\""};
            // At least: other tests' leftover notifications may end in the same counters meanwhile.
            assertTrue(after.value(METRIC, failedWebhooks) - before.value(METRIC, failedWebhooks) >= 1);
            assertTrue(after.value(METRIC, retriedWebhooks) - before.value(METRIC, retriedWebhooks) >= 2);
        } finally {
            webhook.answer(body -> 200);
        }
    }
}
