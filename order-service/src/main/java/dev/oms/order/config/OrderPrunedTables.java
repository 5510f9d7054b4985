package dev.oms.order.config;

import dev.oms.platform.housekeeping.PrunedTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Order-service tables pruned by the platform's housekeeping, besides the outbox and applied events. */
@ApplicationScoped
public class OrderPrunedTables {

    /** POST /orders idempotency keys: kept for the retention window (the design asks for at least 24 hours). */
    @Produces
    @Singleton
    PrunedTable requestKeys() {
        return new PrunedTable("order_request_key", "created_at");
    }
}
