package dev.oms.platform.housekeeping;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The platform's own tables that grow with traffic: published outbox rows, applied-event records, idempotency keys. */
@ApplicationScoped
public class PlatformPrunedTables {

    @Produces
    @Singleton
    @IfBuildProperty(name = "oms.outbox.enabled", stringValue = "true")
    PrunedTable outbox() {
        return new PrunedTable("outbox", "published_at");
    }

    @Produces
    @Singleton
    @IfBuildProperty(name = "oms.inbox.enabled", stringValue = "true")
    PrunedTable appliedEvents() {
        return new PrunedTable("applied_event", "applied_at");
    }

    /** Idempotency keys: kept for the retention window (the design asks for at least 24 hours). */
    @Produces
    @Singleton
    @IfBuildProperty(name = "oms.idempotency.enabled", stringValue = "true")
    PrunedTable idempotencyKeys() {
        return new PrunedTable("idempotency_key", "created_at");
    }
}
