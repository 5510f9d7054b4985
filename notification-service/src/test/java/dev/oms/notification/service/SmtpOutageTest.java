package dev.oms.notification.service;

import dev.oms.events.EventEnvelope;
import dev.oms.events.NotificationFailed;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.KafkaTestClient;
import dev.oms.notification.testing.History;
import dev.oms.notification.testing.History.Row;
import dev.oms.notification.testing.NotificationReceivers;
import dev.oms.notification.testing.SmtpServer;
import dev.oms.notification.testing.TestOrder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMTP server away, then back: emails are retried, end FAILED, and later ones go out again. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class SmtpOutageTest {

    @Test
    void whileSmtpIsDownEmailsAreRetriedThenFailedAndOnceItIsBackNewOnesAreSent() {
        // Nothing listens on the SMTP port: the server of the other tests is closed.
        TestOrder during = new TestOrder();
        during.accepted();
        EventEnvelope confirmed = during.completed();

        Row email = emailOf(History.awaitOrder(during.orderId, History.ended(4, confirmed.id())));
        assertEquals("FAILED", email.status());
        assertEquals(3, email.attempts(), "every attempt the policy allows, in the same row");
        assertTrue(email.lastError().startsWith("SMTP: "), email.lastError());
        assertEquals(during.email, email.recipient());
        assertEquals(1, History.ofEvent(during.orderId, confirmed.id()).stream()
                .filter(row -> row.channel().equals("email")).count(), "retries never add a row");
        KafkaTestClient.shared().await(Topics.NOTIFICATION_EVENTS, NotificationFailed.class,
                failed -> failed.notificationId().equals(email.notificationId())
                        && failed.sourceEventId().equals(confirmed.id()) && failed.error().equals(email.lastError()),
                Duration.ofSeconds(30));

        try (SmtpServer smtp = SmtpServer.start()) {
            TestOrder after = new TestOrder();
            after.accepted();
            EventEnvelope afterConfirmed = after.completed();

            Row sent = emailOf(History.awaitOrder(after.orderId, History.ended(4, afterConfirmed.id())));
            assertEquals("SENT", sent.status(), sent.lastError());
            List<MimeMessage> received = smtp.withEventId(afterConfirmed.id());
            assertEquals(1, received.size());
            assertEquals(0, smtp.withEventId(confirmed.id()).size(), "a FAILED notification is not sent any more");
            assertEquals("FAILED", emailOf(History.ofEvent(during.orderId, confirmed.id())).status());
        }
    }

    private static Row emailOf(List<Row> rows) {
        return rows.stream().filter(row -> row.channel().equals("email")).findFirst().orElseThrow();
    }
}
