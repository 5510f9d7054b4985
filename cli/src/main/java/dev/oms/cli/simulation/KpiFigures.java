package dev.oms.cli.simulation;

import dev.oms.cli.api.DailyKpis;

/**
 * The counted figures of a business day, in minor units; net revenue and the average order value are derived
 * from them the way analytics documents it, so they can be expected without asking analytics.
 */
public record KpiFigures(long ordersCompleted, long ordersFailed, long ordersCancelled, long grossRevenueMinor,
                         long refundedMinor, long refundsCompleted) {

    public static final KpiFigures NONE = new KpiFigures(0, 0, 0, 0, 0, 0);

    public static KpiFigures of(DailyKpis kpis) {
        return new KpiFigures(kpis.ordersCompleted(), kpis.ordersFailed(), kpis.ordersCancelled(),
                kpis.grossRevenueMinor(), kpis.refundedMinor(), kpis.refundsCompleted());
    }

    public KpiFigures plus(KpiFigures other) {
        return new KpiFigures(Math.addExact(ordersCompleted, other.ordersCompleted),
                Math.addExact(ordersFailed, other.ordersFailed), Math.addExact(ordersCancelled, other.ordersCancelled),
                Math.addExact(grossRevenueMinor, other.grossRevenueMinor),
                Math.addExact(refundedMinor, other.refundedMinor), Math.addExact(refundsCompleted, other.refundsCompleted));
    }

    public KpiFigures paid(long totalMinor) {
        return plus(new KpiFigures(1, 0, 0, totalMinor, 0, 0));
    }

    public KpiFigures failed() {
        return plus(new KpiFigures(0, 1, 0, 0, 0, 0));
    }

    public KpiFigures cancelled() {
        return plus(new KpiFigures(0, 0, 1, 0, 0, 0));
    }

    public KpiFigures refunded(long amountMinor) {
        return plus(new KpiFigures(0, 0, 0, 0, amountMinor, 1));
    }

    public long netRevenueMinor() {
        return Math.subtractExact(grossRevenueMinor, refundedMinor);
    }

    /** Gross ÷ completed over the whole day, halves rounded up (amounts are never negative); 0 without orders. */
    public long averageOrderValueMinor() {
        if (ordersCompleted == 0) {
            return 0;
        }
        long quotient = grossRevenueMinor / ordersCompleted;
        long remainder = grossRevenueMinor % ordersCompleted;
        return remainder >= ordersCompleted - remainder ? quotient + 1 : quotient;
    }
}
