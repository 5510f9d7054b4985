package dev.oms.cli.api;

import java.time.LocalDate;

/** refund-service's completed refunds of one UTC day. */
public record RefundDay(LocalDate date, long refundsCompleted, long refundedMinor, String currency) {
}
