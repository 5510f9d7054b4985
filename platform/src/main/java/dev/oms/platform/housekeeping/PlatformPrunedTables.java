package dev.oms.platform.housekeeping;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The platform's own tables that grow with traffic: published outbox rows and applied-event records. */
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
}
