package dev.oms.order.service;

import java.util.List;

/** One page of query results and the number of all matches. */
public record Slice<T>(List<T> items, long total) {
}
