package dev.oms.system;

import dev.oms.events.Money;
import dev.oms.system.OmsApi.Answer;
import dev.oms.system.OmsApi.OrderDetail;
import dev.oms.system.OmsApi.PlaceOrder;
import dev.oms.system.OmsApi.Refund;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, end to end across the real services: support refunds a paid order through refund-service, payment-service
 * settles each refund with its simulator (here declining half of them), refund-service ends it, and order-service
 * moves the order's refund status to PARTIAL, then FULL. A declined refund frees its amount for a new request, and
 * analytics counts the completed refunds; the customer is notified of the order and of every refund's end. Then, on
 * the same system, {@code oms simulate} (the packaged CLI) imports orders, refunds some, and checks analytics.
 */
// The first test counts the day's refunds from zero; the simulation counts on top of whatever was there, so it goes second.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefundsIT {

    private static final Duration PATIENCE = Duration.ofMinutes(1);
    private static final int MAX_ATTEMPTS = 40;
    private static OmsSystem system;
    private static OmsApi api;

    @BeforeAll
    static void startSystem() throws Exception {
        // Every sale approved; half the refunds declined, so that both answers come up within a few requests.
        system = OmsSystem.start("RefundsIT", Map.of("payment-service", Map.of(
                "oms.payments.simulator.approval-rate", "1.0",
                "oms.payments.simulator.refund-failure-rate", "0.5")));
        api = new OmsApi(system);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void declinedRefundsFreeTheirAmountAndSettledOnesRefundTheOrderPartlyThenFully() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sku = "RFD-" + run;
        api.upsertProducts(List.of(new GeneratedImport.CatalogProduct(sku, "Kettle " + run, 5_000, 100)));
        UUID orderId = api.placeOrder(new PlaceOrder("RFD-" + run, new PlaceOrder.Customer("rfd-" + run + "@example.com",
                "Rafe"), List.of(new PlaceOrder.Line(sku, 2))), "place-" + run).orderId();
        OrderDetail paid = await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> api.orderDetail(orderId), o -> o.status().equals("PAID"));
        assertEquals(usd(10_000), paid.total());

        // 1.00 at a time, a new key each, until the payment side has both declined and settled one.
        int declined = 0;
        int settled = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && (declined == 0 || settled == 0); attempt++) {
            Refund refund = answered(refund(orderId, Map.of("amountMinor", 100, "reason", "dent " + attempt)));
            if (refund.status().equals("FAILED")) {
                declined++;
                assertTrue(refund.failureReason() != null && !refund.failureReason().isBlank(), refund.toString());
            } else {
                settled++;
            }
        }
        assertTrue(declined > 0 && settled > 0, "declined " + declined + ", settled " + settled);
        await().atMost(PATIENCE).until(() -> api.orderDetail(orderId).refundStatus().equals("PARTIAL"));

        // The rest, whatever the declined ones were: they no longer count against the order.
        Refund rest = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && (rest == null || !rest.status().equals("COMPLETED")); attempt++) {
            rest = answered(refund(orderId, Map.of("reason", "the rest, try " + attempt)));
        }
        assertEquals("COMPLETED", rest.status());
        assertEquals(usd(10_000 - 100L * settled), rest.amount());

        OrderDetail refunded = await().atMost(PATIENCE)
                .until(() -> api.orderDetail(orderId), o -> o.refundStatus().equals("FULL"));
        assertEquals(usd(10_000), refunded.refunded());
        assertEquals("PAID", refunded.status());
        long completed = api.refundsOf(orderId).stream().filter(r -> r.status().equals("COMPLETED"))
                .mapToLong(r -> r.amount().amountMinor()).sum();
        assertEquals(10_000, completed, "completed refunds add up to what was captured");
        assertEquals(usd(10_000), api.paymentsOf(orderId).get(0).refunded());

        // Analytics counts every completed refund once, on the day it completed (this system's Redis keys are its own).
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long refundsCompleted = settled + 1;
        OmsApi.DailyKpis kpis = await().atMost(PATIENCE)
                .until(() -> api.kpis(today), k -> k.refundsCompleted() == refundsCompleted);
        assertEquals(10_000, kpis.refundedMinor());
        assertEquals(kpis.grossRevenueMinor() - 10_000, kpis.netRevenueMinor());
        // What `oms analytics verify` compares: refund-service's own count of the day agrees.
        assertEquals(List.of(new OmsApi.RefundDay(today, refundsCompleted, 10_000, "USD")), api.refundsDaily(today, today));
        // Rebuilt from the topics, refunds included, analytics has the same numbers.
        System.out.println(AnalyticsRebuild.assertRebuildEqualsLive(api, today));

        // The customer is told once of the order and of each refund's end, with the order's status and total.
        List<Refund> refunds = api.refundsOf(orderId);
        List<OmsApi.Notification> notifications = await().atMost(PATIENCE)
                .until(() -> api.notificationsOf(orderId), n -> n.size() == 1 + refunds.size()
                        && n.stream().allMatch(one -> one.status().equals("SENT")));
        assertEquals(1, notifications.stream().filter(n -> n.type().equals("ORDER_CONFIRMED")).count());
        assertEquals(refunds.stream().filter(r -> r.status().equals("COMPLETED")).count(),
                notifications.stream().filter(n -> n.type().equals("REFUND_COMPLETED")).count());
        assertEquals(refunds.stream().filter(r -> r.status().equals("FAILED")).count(),
                notifications.stream().filter(n -> n.type().equals("REFUND_FAILED")).count());
        assertEquals(notifications.size(), notifications.stream().map(OmsApi.Notification::eventId).distinct().count());
        assertTrue(notifications.stream().allMatch(n -> n.channel().equals("log") && n.orderStatus().equals("PAID")
                && n.total().equals(usd(10_000))), notifications.toString());

        Answer more = refund(orderId, Map.of("amountMinor", 1, "reason", "one cent more"));
        assertEquals(422, more.status(), more.body());
        assertEquals(0, ((Number) OmsApi.parse(more.body()).get("remainingMinor")).longValue(), more.body());
    }

    /** Issue 8's assignment test end to end: half of its refunds are declined here, the rest must show in analytics. */
    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void simulateFindsAnalyticsMovedByExactlyItsOrdersAndRefunds() throws Exception {
        CliProcess.Result simulation = CliProcess.run(system, "RefundsIT", Duration.ofMinutes(3),
                "simulate", "--orders", "150", "--refunds", "30", "--seed", "8");

        System.out.printf("RefundsIT: oms simulate --orders 150 --refunds 30 took %.1fs%n%s%n",
                simulation.took().toMillis() / 1000.0, simulation.output());
        assertEquals(0, simulation.exitCode(), simulation.output());
        assertTrue(simulation.output().contains(" paid orders: 15 in full, 15 in part"),
                simulation.output());
        assertTrue(simulation.output().contains("Analytics moved by exactly this run: every figure as expected."),
                simulation.output());
    }

    private static Answer refund(UUID orderId, Map<String, Object> body) {
        return api.requestRefund(orderId, "it-" + UUID.randomUUID(), new HashMap<>(body));
    }

    /** The refund a 202 answer granted, once the payment side has settled or declined it. */
    private static Refund answered(Answer granted) {
        assertEquals(202, granted.status(), granted.body());
        UUID refundId = UUID.fromString((String) OmsApi.parse(granted.body()).get("refundId"));
        return await().atMost(PATIENCE).until(() -> api.refund(refundId), r -> !r.pending());
    }

    private static Money usd(long amountMinor) {
        return new Money(amountMinor, "USD");
    }
}
