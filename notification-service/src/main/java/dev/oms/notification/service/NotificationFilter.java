package dev.oms.notification.service;

import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.NotificationType;
import io.quarkus.panache.common.Parameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which notifications a listing or report covers; every criterion is optional. {@code from} is inclusive and
 * {@code to} exclusive, both on the creation time.
 */
public record NotificationFilter(UUID orderId, UUID customerId, NotificationType type, DeliveryStatus status,
                                 Instant from, Instant to) {

    /** The HQL condition (empty for none) with its parameters, on an entity aliased {@code n}. */
    record Condition(String where, Parameters parameters) {
    }

    Condition condition() {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (orderId != null) {
            conditions.add("n.orderId = :orderId");
            parameters.and("orderId", orderId);
        }
        if (customerId != null) {
            conditions.add("n.customerId = :customerId");
            parameters.and("customerId", customerId);
        }
        if (type != null) {
            conditions.add("n.type = :type");
            parameters.and("type", type);
        }
        if (status != null) {
            conditions.add("n.status = :status");
            parameters.and("status", status);
        }
        if (from != null) {
            conditions.add("n.createdAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            conditions.add("n.createdAt < :to");
            parameters.and("to", to);
        }
        return new Condition(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }
}
