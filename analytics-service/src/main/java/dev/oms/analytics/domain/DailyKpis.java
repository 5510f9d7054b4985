package dev.oms.analytics.domain;

/** One business day's figures; net revenue and average order value are derived at read time, never stored. */
public record DailyKpis(long ordersCompleted, long ordersFailed, long ordersCancelled, long grossRevenueMinor,
                        long refundedMinor, long refundsCompleted) {

    public static final DailyKpis NONE = new DailyKpis(0, 0, 0, 0, 0, 0);

    /** The figures of this day and {@code other} together (for the totals of a range of days). */
    public DailyKpis plus(DailyKpis other) {
        return new DailyKpis(Math.addExact(ordersCompleted, other.ordersCompleted),
                Math.addExact(ordersFailed, other.ordersFailed), Math.addExact(ordersCancelled, other.ordersCancelled),
                Math.addExact(grossRevenueMinor, other.grossRevenueMinor),
                Math.addExact(refundedMinor, other.refundedMinor), Math.addExact(refundsCompleted, other.refundsCompleted));
    }

    /** Gross revenue of the day minus refunds completed that day (which may be for orders paid earlier). */
    public long netRevenueMinor() {
        return Math.subtractExact(grossRevenueMinor, refundedMinor);
    }

    /** Gross revenue ÷ completed orders, rounded half-up to a whole minor unit; 0 on a day without completed orders. */
    public long averageOrderValueMinor() {
        return ordersCompleted == 0 ? 0 : MinorUnits.divideHalfUp(grossRevenueMinor, ordersCompleted);
    }
}
