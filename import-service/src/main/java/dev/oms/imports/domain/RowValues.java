package dev.oms.imports.domain;

import java.time.Instant;

/** The checked values of one valid row; {@code email} is normalized, {@code orderedAt} may be null. */
public record RowValues(String externalOrderId, String email, String customerName, String sku, String productName,
                        int quantity, long unitPriceMinor, Instant orderedAt) {
}
