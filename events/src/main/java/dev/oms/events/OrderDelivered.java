package dev.oms.events;

import java.util.UUID;

public record OrderDelivered(UUID orderId, UUID customerId, Money total) implements OmsEvent {
}
