package dev.oms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order asked for, by a CSV import (lane BULK) or the API (lane INTERACTIVE).
 * {@code orderedAt}, {@code importJobId} and {@code sourceLine} are optional.
 */
public record OrderRequested(UUID orderId, String externalOrderId, Lane lane, CustomerRef customer,
                             List<OrderLine> lines, Instant orderedAt, UUID importJobId, Long sourceLine)
        implements OmsEvent {
}
