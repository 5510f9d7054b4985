package dev.oms.cli.simulation;

import dev.oms.cli.demo.GeneratedOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Chooses which paid orders to refund and how much: distinct orders at random, the partial share of them for a
 * random amount below the order's total, the others in full. The same seed gives the same plan; the keys carry the
 * run's prefix so a second run never replays the first one's refunds.
 */
public final class RefundPlanner {

    private final Random random;

    public RefundPlanner(long seed) {
        this.random = new Random(seed);
    }

    /** At most {@code count} refunds (fewer when fewer orders were paid); {@code partialShare} is from 0 to 1. */
    public List<RefundPlan> plan(List<GeneratedOrder> paidOrders, int count, double partialShare, String keyPrefix) {
        List<GeneratedOrder> chosen = new ArrayList<>(paidOrders);
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, Math.min(count, chosen.size()));
        long partial = Math.round(chosen.size() * partialShare);
        List<RefundPlan> plans = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            GeneratedOrder order = chosen.get(i);
            // A 0.01 order has no part below its total: it can only be refunded in full.
            long amount = i < partial && order.totalMinor() > 1
                    ? 1 + random.nextLong(order.totalMinor() - 1)
                    : order.totalMinor();
            plans.add(new RefundPlan(order, amount, keyPrefix + "-refund-" + (i + 1)));
        }
        return plans;
    }
}
