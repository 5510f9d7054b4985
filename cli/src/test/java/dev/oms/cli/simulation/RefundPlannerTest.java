package dev.oms.cli.simulation;

import dev.oms.cli.demo.DemoCustomer;
import dev.oms.cli.demo.GeneratedOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefundPlannerTest {

    private static final DemoCustomer ADA = new DemoCustomer("ada.lovelace@demo.example.com", "Ada Lovelace");

    @Test
    void refundsDistinctOrdersTheSharePartlyBelowTheTotalAndTheRestInFull() {
        List<GeneratedOrder> paid = orders(200);

        List<RefundPlan> plans = new RefundPlanner(7).plan(paid, 40, 0.25, "sim-x");

        assertEquals(40, plans.size());
        assertEquals(40, plans.stream().map(plan -> plan.order().externalOrderId()).distinct().count());
        assertEquals(40, plans.stream().map(RefundPlan::idempotencyKey).distinct().count());
        assertTrue(plans.stream().allMatch(plan -> plan.idempotencyKey().startsWith("sim-x-")));
        List<RefundPlan> partial = plans.stream().filter(plan -> !plan.isFull()).toList();
        assertEquals(10, partial.size());
        assertTrue(partial.stream().allMatch(plan -> plan.amountMinor() >= 1
                && plan.amountMinor() < plan.order().totalMinor()), partial.toString());
        assertTrue(plans.stream().filter(RefundPlan::isFull)
                .allMatch(plan -> plan.amountMinor() == plan.order().totalMinor()));
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        List<GeneratedOrder> paid = orders(100);

        assertEquals(new RefundPlanner(1).plan(paid, 10, 0.5, "k"), new RefundPlanner(1).plan(paid, 10, 0.5, "k"));
        assertNotEquals(new RefundPlanner(1).plan(paid, 10, 0.5, "k"), new RefundPlanner(2).plan(paid, 10, 0.5, "k"));
    }

    @Test
    void plansNoMoreThanWerePaidAndRefundsACentOrderInFull() {
        List<GeneratedOrder> paid = List.of(new GeneratedOrder("sim-1", ADA, 1), new GeneratedOrder("sim-2", ADA, 2));

        List<RefundPlan> plans = new RefundPlanner(3).plan(paid, 5, 1.0, "k");

        assertEquals(2, plans.size());
        RefundPlan cent = plans.stream().filter(plan -> plan.order().totalMinor() == 1).findFirst().orElseThrow();
        RefundPlan twoCents = plans.stream().filter(plan -> plan.order().totalMinor() == 2).findFirst().orElseThrow();
        assertEquals(1, cent.amountMinor());
        assertTrue(cent.isFull());
        assertEquals(1, twoCents.amountMinor());
        assertTrue(new RefundPlanner(3).plan(paid, 0, 0.5, "k").isEmpty());
    }

    private static List<GeneratedOrder> orders(int count) {
        List<GeneratedOrder> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            orders.add(new GeneratedOrder("sim-" + i, ADA, 100L * i + 3));
        }
        return orders;
    }
}
