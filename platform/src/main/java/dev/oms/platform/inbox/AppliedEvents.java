package dev.oms.platform.inbox;

import dev.oms.platform.ids.Uuids;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Records which event ids a consumer has applied, in the consumer's own transaction, so a redelivered or
 * re-published event is recognised and skipped. Needs {@code useAffectedRows=true} on the JDBC URL: Connector/J
 * otherwise reports "found" rows and a duplicate would look new.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.inbox.enabled", stringValue = "true")
public class AppliedEvents {

    private static final String INSERT =
            "INSERT IGNORE INTO applied_event (consumer, event_id, applied_at) VALUES (?, ?, ?)";

    private final AgroalDataSource dataSource;

    public AppliedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time {@code consumer} sees {@code eventId}; must run inside the transaction that applies it. */
    public boolean firstTime(String consumer, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, consumer);
            insert.setBytes(2, Uuids.toBytes(eventId));
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record applied event " + eventId, e);
        }
    }
}
