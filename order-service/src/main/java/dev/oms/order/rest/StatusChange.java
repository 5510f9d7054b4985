package dev.oms.order.rest;

import dev.oms.order.domain.OrderStatus;

import java.util.UUID;

public record StatusChange(UUID orderId, OrderStatus status) {
}
