package dev.oms.order.rest;

import java.util.Map;

/** How many orders are in each status, and in all. */
public record OrderStats(long total, Map<String, Long> byStatus) {
}
