package dev.oms.order.rest;

import java.time.LocalDate;

/** The PAID orders of one day (by the time they were paid, UTC): the figures analytics must agree with. */
public record PaidDay(LocalDate date, long paidOrders, long grossRevenueMinor, String currency) {
}
