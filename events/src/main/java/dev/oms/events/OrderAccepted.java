package dev.oms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The order was stored (state RECEIVED); lines carry resolved SKUs and the prices charged. */
public record OrderAccepted(UUID orderId, String externalOrderId, Lane lane, CustomerRef customer,
                            List<OrderLine> lines, Money total, Instant orderedAt) implements OmsEvent {
}
