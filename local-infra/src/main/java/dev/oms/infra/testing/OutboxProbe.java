package dev.oms.infra.testing;

import org.apache.kafka.common.utils.Utils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/** What tests of a service with an outbox ask it: how many rows of some orders are not yet published, and where. */
public final class OutboxProbe {

    private OutboxProbe() {
    }

    /** The outbox rows of these orders (keyed by order id) that Kafka has not acknowledged yet. */
    public static long unpublishedRows(DataSource dataSource, Collection<UUID> orders) throws SQLException {
        String placeholders = orders.stream().map(id -> "?").collect(Collectors.joining(","));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM outbox WHERE published_at IS NULL AND record_key IN (" + placeholders + ")")) {
            int i = 1;
            for (UUID orderId : orders) {
                count.setString(i++, orderId.toString());
            }
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The partition the producers' default partitioner gives a record keyed by this order id. */
    public static int partitionOf(UUID orderId, int partitions) {
        return Utils.toPositive(Utils.murmur2(orderId.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
