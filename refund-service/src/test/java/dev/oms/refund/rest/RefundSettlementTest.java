package dev.oms.refund.rest;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderRefundStatusChanged;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundDeclined;
import dev.oms.events.RefundFailed;
import dev.oms.events.RefundPayment;
import dev.oms.events.RefundSettled;
import dev.oms.events.RefundStatus;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.refund.rest.RefundTestSupport.KAFKA;
import static dev.oms.refund.rest.RefundTestSupport.WAIT;
import static dev.oms.refund.rest.RefundTestSupport.paidOrder;
import static dev.oms.refund.rest.RefundTestSupport.refund;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The refund's second half, with this test playing payment-service on real Kafka: a granted refund is sent as
 * {@code RefundPayment}; the answer ends it once, however often it comes.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_refunds"))
class RefundSettlementTest {

    @Test
    void aDeclinedRefundFailsFreesItsAmountAndARetryWithANewKeySucceeds() {
        long[] completedToday = completedToday();
        UUID orderId = paidOrder(10_000);
        Response first = refund(orderId, "first", Map.of("amountMinor", 10_000, "reason", "never arrived"));
        first.then().statusCode(202).body("status", equalTo("PENDING"));
        UUID firstId = UUID.fromString(first.path("refundId"));
        RefundPayment command = awaitRefundPayment(firstId);
        assertEquals(new RefundPayment(firstId, orderId, new Money(10_000, "USD")), command);
        // While it is pending, nothing is left to refund.
        refund(orderId, "meanwhile", Map.of("reason", "the rest")).then().statusCode(422)
                .body("remainingMinor", equalTo(0));

        answerTwice(new RefundDeclined(firstId, orderId, command.amount(), "card_account_closed"));
        awaitStatus(firstId, "FAILED");
        asStaff().get("/refunds/{id}", firstId).then().body("failureReason", equalTo("card_account_closed"));
        // The same key again answers the same, failed, refund: a new attempt needs a new key.
        refund(orderId, "first", Map.of("amountMinor", 10_000, "reason", "never arrived")).then().statusCode(202)
                .body("refundId", equalTo(firstId.toString())).body("status", equalTo("FAILED"));

        Response retry = refund(orderId, "retry", Map.of("amountMinor", 6_000, "reason", "never arrived, again"));
        retry.then().statusCode(202).body("amount.amountMinor", equalTo(6_000));
        UUID retryId = UUID.fromString(retry.path("refundId"));
        answerTwice(new RefundSettled(retryId, orderId, awaitRefundPayment(retryId).amount()));
        awaitStatus(retryId, "COMPLETED");
        Response rest = refund(orderId, "rest", Map.of("reason", "the rest"));
        rest.then().statusCode(202).body("amount.amountMinor", equalTo(4_000));
        UUID restId = UUID.fromString(rest.path("refundId"));
        answerTwice(new RefundSettled(restId, orderId, awaitRefundPayment(restId).amount()));
        awaitStatus(restId, "COMPLETED");
        refund(orderId, "more", Map.of("amountMinor", 1, "reason", "more")).then().statusCode(422)
                .body("remainingMinor", equalTo(0));

        // Every answer of an order comes in order, and so do the events they cause: once the last refund's event is
        // out, every duplicate answer before it has been applied (and ignored).
        KAFKA.await(Topics.REFUND_EVENTS, RefundCompleted.class, e -> e.refundId().equals(restId), WAIT);
        RefundFailed failed = (RefundFailed) KAFKA.await(Topics.REFUND_EVENTS, RefundFailed.class,
                e -> e.refundId().equals(firstId), WAIT).data();
        assertEquals(new RefundFailed(firstId, orderId, failed.customerId(), new Money(10_000, "USD"),
                "card_account_closed"), failed);
        assertEquals(1, countOf(RefundFailed.class, firstId));
        assertEquals(1, countOf(RefundCompleted.class, retryId));
        // The daily report counts the two completed refunds on their day, the failed one not at all.
        long[] after = completedToday();
        assertEquals(completedToday[0] + 2, after[0]);
        assertEquals(completedToday[1] + 10_000, after[1]);
    }

    @Test
    void aFullyRefundedOrderTakesNoMoreRequests() {
        UUID orderId = paidOrder(700);
        KAFKA.publish("order-service", new OrderRefundStatusChanged(orderId, UUID.randomUUID(),
                RefundStatus.FULL, new Money(700, "USD")));
        await().atMost(WAIT).untilAsserted(() -> refund(orderId, "after-full-" + UUID.randomUUID(),
                Map.of("amountMinor", 1, "reason", "more")).then().statusCode(422).body("remainingMinor", equalTo(0)));
    }

    /** Today's completed refunds in the daily report: {count, amount}. */
    private static long[] completedToday() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Map<String, Object>> days = asStaff().queryParam("from", today).queryParam("to", today)
                .get("/reports/refunds-daily").then().statusCode(200).extract().jsonPath().getList("$");
        return days.isEmpty() ? new long[] {0, 0} : new long[] {((Number) days.get(0).get("refundsCompleted")).longValue(),
                ((Number) days.get(0).get("refundedMinor")).longValue()};
    }

    private static RefundPayment awaitRefundPayment(UUID refundId) {
        return (RefundPayment) KAFKA.await(Topics.PAYMENT_COMMANDS_INTERACTIVE, RefundPayment.class,
                c -> c.refundId().equals(refundId), WAIT).data();
    }

    /** payment-service's answer, delivered twice (as after a crash before its offset was committed). */
    private static void answerTwice(OmsEvent answer) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), "payment-service", Instant.now(), answer);
        for (int i = 0; i < 2; i++) {
            KAFKA.publishRaw(Topics.PAYMENT_EVENTS_INTERACTIVE, envelope.key(), EventCodec.encode(envelope));
        }
    }

    private static void awaitStatus(UUID refundId, String status) {
        await().atMost(WAIT).untilAsserted(() -> asStaff().get("/refunds/{id}", refundId).then().statusCode(200)
                .body("status", equalTo(status)));
    }

    private static long countOf(Class<? extends OmsEvent> type, UUID refundId) {
        return KAFKA.events(Topics.REFUND_EVENTS).stream().map(EventEnvelope::data)
                .filter(e -> type.isInstance(e) && refundId.equals(refundIdOf(e))).count();
    }

    private static UUID refundIdOf(OmsEvent event) {
        if (event instanceof RefundCompleted completed) {
            return completed.refundId();
        }
        return event instanceof RefundFailed failed ? failed.refundId() : null;
    }
}
