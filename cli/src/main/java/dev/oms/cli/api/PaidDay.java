package dev.oms.cli.api;

import java.time.LocalDate;

/** order-service's own count of the orders paid on one UTC day. */
public record PaidDay(LocalDate date, long paidOrders, long grossRevenueMinor, String currency) {
}
