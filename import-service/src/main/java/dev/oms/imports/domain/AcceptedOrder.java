package dev.oms.imports.domain;

import dev.oms.events.OrderRequested;

/** A valid order, the {@code ordinal}-th order group of the file (1-based), ready to publish. */
public record AcceptedOrder(long ordinal, OrderRequested order, int rowCount) implements AssembledOrder {
}
