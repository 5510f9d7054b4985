package dev.oms.events;

import java.util.UUID;

/** A customer as carried in events: id is the name-based UUID of the normalized email ({@link Ids#customerId}). */
public record CustomerRef(UUID customerId, String email, String name) {
}
