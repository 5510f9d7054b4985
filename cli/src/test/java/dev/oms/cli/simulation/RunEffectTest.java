package dev.oms.cli.simulation;

import dev.oms.cli.demo.DemoCustomer;
import dev.oms.cli.demo.GeneratedOrder;
import dev.oms.events.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunEffectTest {

    private static final DemoCustomer ADA = new DemoCustomer("ada.lovelace@demo.example.com", "Ada Lovelace");
    private static final DemoCustomer ALAN = new DemoCustomer("alan.turing@demo.example.com", "Alan Turing");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void paidOrdersCountWithTheirGeneratedTotalFailedAndRejectedOnesAsFailedAndOnlyCompletedRefunds() {
        GeneratedOrder first = new GeneratedOrder("sim-1", ADA, 10_000);
        GeneratedOrder second = new GeneratedOrder("sim-2", ADA, 2_550);
        GeneratedOrder third = new GeneratedOrder("sim-3", ALAN, 999);
        List<SettledOrder> orders = List.of(
                paid(first, NOON),
                // order-service's total is checked elsewhere; the expectation is built on what the run generated
                new SettledOrder(second, "PAID", 2_551, NOON, NOON),
                paid(third, NOON),
                new SettledOrder(new GeneratedOrder("sim-4", ALAN, 5_000), "FAILED", 5_000, null, NOON),
                new SettledOrder(new GeneratedOrder("sim-5", ALAN, 5_000), "REJECTED", 5_000, null, NOON),
                new SettledOrder(new GeneratedOrder("sim-6", ALAN, 5_000), "PAYMENT_PENDING", 5_000, null, NOON));
        List<SettledRefund> refunds = List.of(
                completed(new RefundPlan(first, 10_000, "k1"), NOON.plusSeconds(60)),
                completed(new RefundPlan(second, 1_234, "k2"), NOON.plusSeconds(60)),
                new SettledRefund(new RefundPlan(third, 999, "k3"), "r-k3", "FAILED", 999, NOON, "declined"));

        RunEffect effect = RunEffect.of(orders, refunds, ZoneOffset.UTC);

        assertEquals(Map.of(DAY, new KpiFigures(3, 2, 0, 13_549, 11_234, 2)), effect.figuresByDay());
        assertEquals(2_315, effect.figuresOn(DAY).netRevenueMinor());
        assertEquals(Map.of(Ids.customerId(ADA.email()), 1_316L, Ids.customerId(ALAN.email()), 999L),
                effect.netSpendChange());
        assertEquals(effect.netSpendChange(), effect.netSpendChangeOn(DAY));
        assertEquals(Map.of(Ids.customerId(ADA.email()), ADA, Ids.customerId(ALAN.email()), ALAN), effect.customers());
    }

    @Test
    void eachFigureCountsOnItsOwnDayInTheShopZone() {
        GeneratedOrder order = new GeneratedOrder("sim-1", ADA, 4_000);
        Instant paidLate = Instant.parse("2026-12-03T22:59:59Z");
        Instant refundedAfterMidnight = Instant.parse("2026-12-03T23:00:01Z");
        List<SettledOrder> orders = List.of(paid(order, paidLate),
                new SettledOrder(new GeneratedOrder("sim-2", ALAN, 100), "FAILED", 100, null, refundedAfterMidnight));
        List<SettledRefund> refunds = List.of(completed(new RefundPlan(order, 4_000, "k1"), refundedAfterMidnight));

        RunEffect berlin = RunEffect.of(orders, refunds, ZoneId.of("Europe/Berlin"));
        RunEffect utc = RunEffect.of(orders, refunds, ZoneOffset.UTC);

        LocalDate nextDay = DAY.plusDays(1);
        assertEquals(Map.of(DAY, new KpiFigures(1, 0, 0, 4_000, 0, 0), nextDay, new KpiFigures(0, 1, 0, 0, 4_000, 1)),
                berlin.figuresByDay());
        assertEquals(Map.of(Ids.customerId(ADA.email()), 4_000L), berlin.netSpendChangeOn(DAY));
        assertEquals(Map.of(Ids.customerId(ADA.email()), -4_000L), berlin.netSpendChangeOn(nextDay));
        assertEquals(Map.of(Ids.customerId(ADA.email()), 0L), berlin.netSpendChange(),
                "refunded in full: still on the all-time board, at zero");
        assertEquals(Map.of(DAY, new KpiFigures(1, 1, 0, 4_000, 4_000, 1)), utc.figuresByDay());
    }

    @Test
    void aPaidOrderWithoutAPaymentTimeCannotBeCounted() {
        List<SettledOrder> orders = List.of(new SettledOrder(new GeneratedOrder("sim-1", ADA, 1), "PAID", 1, null, NOON));

        assertThrows(IllegalArgumentException.class, () -> RunEffect.of(orders, List.of(), ZoneOffset.UTC));
    }

    private static SettledOrder paid(GeneratedOrder order, Instant at) {
        return new SettledOrder(order, "PAID", order.totalMinor(), at, at);
    }

    private static SettledRefund completed(RefundPlan plan, Instant at) {
        return new SettledRefund(plan, "r-" + plan.idempotencyKey(), "COMPLETED", plan.amountMinor(), at, null);
    }
}
