package dev.oms.order.service;

import dev.oms.events.CustomerRef;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import dev.oms.order.config.OrderConfig;
import dev.oms.order.domain.Order;
import dev.oms.order.rest.PlaceOrderRequest;
import dev.oms.order.rest.PlacedOrder;
import dev.oms.platform.idempotency.IdempotencyKeys;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.outbox.Outbox;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes orders placed through the API: the request goes to the interactive lane through the outbox, so it is
 * published exactly when it is accepted. An {@code Idempotency-Key} makes a retried request return the first
 * answer instead of placing a second order ({@link IdempotencyKeys}: 422 for another body, 409 while the first
 * request is still running). A shop order id ({@code externalOrderId}) that already names an order
 * — placed here or imported — is refused with 409, never silently dropped.
 */
@ApplicationScoped
public class OrderIntake {

    private static final String KEY_SCOPE = "orders";

    private final Outbox outbox;
    private final IdempotencyKeys keys;
    private final OrderConfig config;

    public OrderIntake(Outbox outbox, IdempotencyKeys keys, OrderConfig config) {
        this.outbox = outbox;
        this.keys = keys;
        this.config = config;
    }

    public PlacedOrder place(PlaceOrderRequest request, String idempotencyKey) {
        UUID orderId = request.externalOrderId() == null ? Uuids.timeOrdered() : Ids.orderId(request.externalOrderId());
        if (idempotencyKey == null) {
            return new PlacedOrder(QuarkusTransaction.requiringNew().call(() -> accept(orderId, request)), "REQUESTED",
                    false);
        }
        IdempotencyKeys.Result result = keys.once(KEY_SCOPE, idempotencyKey, IdempotencyKeys.fingerprint(request),
                () -> accept(orderId, request));
        return new PlacedOrder(result.resourceId(), "REQUESTED", result.replayed());
    }

    private UUID accept(UUID orderId, PlaceOrderRequest request) {
        if (request.externalOrderId() != null && Order.findByIdOptional(orderId).isPresent()) {
            throw ProblemException.conflict("an order with externalOrderId '" + request.externalOrderId()
                    + "' already exists: " + orderId, Map.of("field", "externalOrderId", "orderId", orderId.toString()));
        }
        outbox.add(toEvent(orderId, request), Lane.INTERACTIVE);
        return orderId;
    }

    private OrderRequested toEvent(UUID orderId, PlaceOrderRequest request) {
        String email = Ids.normalizeEmail(request.customer().email());
        List<OrderLine> lines = request.lines().stream()
                .map(l -> new OrderLine(l.sku().trim(), null, l.quantity(),
                        l.unitPriceMinor() == null ? null : new Money(l.unitPriceMinor(), config.currency())))
                .toList();
        return new OrderRequested(orderId, request.externalOrderId(), Lane.INTERACTIVE,
                new CustomerRef(Ids.customerId(email), email, request.customer().name().trim()), lines,
                Instant.now(), null, null);
    }
}
