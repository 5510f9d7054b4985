package dev.oms.payment.rest;

import java.util.Map;

/** Payments by status: how many and their sum in minor units. Captured money = the AUTHORIZED sum. */
public record PaymentTotals(Map<String, Long> count, Map<String, Long> amountMinor) {
}
