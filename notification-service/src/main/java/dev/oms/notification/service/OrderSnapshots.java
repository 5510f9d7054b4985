package dev.oms.notification.service;

import dev.oms.events.OmsEvent;
import dev.oms.notification.domain.OrderFacts;
import dev.oms.notification.domain.OrderSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps {@link OrderSnapshot} up to date from order-service's events, in the caller's inbox transaction (each event
 * applied once). One order's events arrive in order, so the last one applied holds the current status; the email and
 * name come from the events that carry them and are kept when later ones do not.
 */
@ApplicationScoped
public class OrderSnapshots {

    public Optional<OrderSnapshot> find(UUID orderId) {
        return OrderSnapshot.findByIdOptional(orderId);
    }

    /** True for the order events the snapshot follows. */
    public static boolean follows(OmsEvent event) {
        return OrderFacts.of(event).isPresent();
    }

    public void apply(OmsEvent event) {
        OrderFacts.of(event).ifPresent(this::apply);
    }

    private void apply(OrderFacts facts) {
        Instant now = Instant.now();
        // Counted, not loaded: a loaded entity would keep its old values in the session after the bulk update below,
        // and the notification written next in this transaction reads the snapshot.
        if (OrderSnapshot.count("orderId", facts.orderId()) == 0) {
            OrderSnapshot order = new OrderSnapshot();
            order.orderId = facts.orderId();
            order.customerId = facts.customerId();
            order.customerEmail = facts.customer() == null ? null : facts.customer().email();
            order.customerName = facts.customer() == null ? null : facts.customer().name();
            order.status = facts.status();
            order.totalMinor = facts.total().amountMinor();
            order.currency = facts.total().currency();
            order.updatedAt = now;
            order.persist();
            return;
        }
        // Explicit statements, not dirty checking: with useAffectedRows an update that changes nothing counts 0 rows,
        // which Hibernate would take for a concurrent delete.
        OrderSnapshot.update("status = ?1, totalMinor = ?2, currency = ?3, updatedAt = ?4 where orderId = ?5",
                facts.status(), facts.total().amountMinor(), facts.total().currency(), now, facts.orderId());
        if (facts.customer() != null) {
            OrderSnapshot.update("customerEmail = ?1, customerName = ?2 where orderId = ?3",
                    facts.customer().email(), facts.customer().name(), facts.orderId());
        }
    }
}
