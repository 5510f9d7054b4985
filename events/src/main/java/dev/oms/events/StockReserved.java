package dev.oms.events;

import java.util.List;
import java.util.UUID;

/** Stock for every line of the order is reserved. */
public record StockReserved(UUID orderId, List<StockLine> lines) implements OmsEvent {
}
