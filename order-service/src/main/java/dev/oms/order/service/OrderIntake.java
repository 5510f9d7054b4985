package dev.oms.order.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.oms.events.CustomerRef;
import dev.oms.events.EventCodec;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import dev.oms.order.config.OrderConfig;
import dev.oms.order.domain.Order;
import dev.oms.order.rest.PlaceOrderRequest;
import dev.oms.order.rest.PlacedOrder;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.outbox.Outbox;
import dev.oms.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes orders placed through the API: the request goes to the interactive lane through the outbox, so it is
 * published exactly when it is accepted. An {@code Idempotency-Key} makes a retried request return the first
 * answer instead of placing a second order. A shop order id ({@code externalOrderId}) that already names an order
 * — placed here or imported — is refused with 409, never silently dropped.
 */
@ApplicationScoped
public class OrderIntake {

    private static final String CLAIM_KEY = """
            INSERT IGNORE INTO order_request_key (idempotency_key, request_sha256, order_id, created_at)
            VALUES (?1, ?2, ?3, ?4)""";

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final OrderConfig config;

    public OrderIntake(Outbox outbox, EntityManager entityManager, OrderConfig config) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    public PlacedOrder place(PlaceOrderRequest request, String idempotencyKey) {
        UUID orderId = request.externalOrderId() == null ? Uuids.timeOrdered() : Ids.orderId(request.externalOrderId());
        if (idempotencyKey != null) {
            String fingerprint = fingerprint(request);
            // A concurrent request with the same key waits here on the key's row lock until the first commits.
            int claimed = entityManager.createNativeQuery(CLAIM_KEY)
                    .setParameter(1, idempotencyKey).setParameter(2, fingerprint)
                    .setParameter(3, Uuids.toBytes(orderId)).setParameter(4, Timestamp.from(Instant.now()))
                    .executeUpdate();
            if (claimed == 0) {
                return replay(idempotencyKey, fingerprint);
            }
        }
        if (request.externalOrderId() != null && Order.findByIdOptional(orderId).isPresent()) {
            throw ProblemException.conflict("an order with externalOrderId '" + request.externalOrderId()
                    + "' already exists: " + orderId, Map.of("field", "externalOrderId", "orderId", orderId.toString()));
        }
        outbox.add(toEvent(orderId, request), Lane.INTERACTIVE);
        return new PlacedOrder(orderId, "REQUESTED", false);
    }

    private PlacedOrder replay(String idempotencyKey, String fingerprint) {
        Object[] first = (Object[]) entityManager.createNativeQuery(
                        "SELECT request_sha256, order_id FROM order_request_key WHERE idempotency_key = ?1")
                .setParameter(1, idempotencyKey).getSingleResult();
        if (!fingerprint.equals(first[0])) {
            throw ProblemException.unprocessable("Idempotency-Key '" + idempotencyKey
                    + "' was already used with a different request body", Map.of("field", "Idempotency-Key"));
        }
        return new PlacedOrder(Uuids.fromBytes((byte[]) first[1]), "REQUESTED", true);
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

    private static String fingerprint(PlaceOrderRequest request) {
        try {
            byte[] canonical = EventCodec.mapper().writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
