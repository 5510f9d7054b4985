package dev.oms.events;

import java.util.UUID;

public record OrderShipped(UUID orderId, UUID customerId, Money total) implements OmsEvent {
}
