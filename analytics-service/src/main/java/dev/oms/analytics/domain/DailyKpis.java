package dev.oms.analytics.domain;

/** One business day's figures; net revenue and average order value are derived at read time, never stored. */
public record DailyKpis(long ordersCompleted, long ordersFailed, long ordersCancelled, long grossRevenueMinor,
                        long refundedMinor, long refundsCompleted) {

    /** Gross revenue of the day minus refunds completed that day (which may be for orders paid earlier). */
    public long netRevenueMinor() {
        return Math.subtractExact(grossRevenueMinor, refundedMinor);
    }

    /** Gross revenue ÷ completed orders, rounded half-up to a whole minor unit; 0 on a day without completed orders. */
    public long averageOrderValueMinor() {
        return ordersCompleted == 0 ? 0 : MinorUnits.divideHalfUp(grossRevenueMinor, ordersCompleted);
    }
}
