package dev.oms.analytics.domain;

/** The counters kept per business day; {@link #field()} is the name used in storage and in the API. */
public enum KpiCounter {
    ORDERS_COMPLETED("ordersCompleted"),
    ORDERS_FAILED("ordersFailed"),
    ORDERS_CANCELLED("ordersCancelled"),
    GROSS_REVENUE_MINOR("grossRevenueMinor"),
    REFUNDED_MINOR("refundedMinor"),
    REFUNDS_COMPLETED("refundsCompleted");

    private final String field;

    KpiCounter(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
