package dev.oms.notification.message;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** The push message handed to the provider; {@code eventId} lets a device drop a repeat. */
// Written by Jackson outside a REST response, so a native image must be told to keep its accessors.
@RegisterForReflection
public record PushBody(UUID eventId, UUID customerId, String title, String body) {
}
