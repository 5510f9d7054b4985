package dev.oms.refund.rest;

import java.time.LocalDate;

/** The refunds completed on one UTC day, in one currency. */
public record RefundDay(LocalDate date, long refundsCompleted, long refundedMinor, String currency) {
}
