package dev.oms.platform.housekeeping;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes old rows in small batches, each its own short transaction, so pruning never holds many locks or a long
 * transaction next to the live traffic.
 */
public final class TablePruner {

    private final DataSource dataSource;
    private final int batchSize;
    private final Duration pause;

    public TablePruner(DataSource dataSource, int batchSize, Duration pause) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.pause = pause;
    }

    /** Deletes the rows of {@code table} older than {@code cutoff}; returns how many. */
    public long prune(PrunedTable table, Instant cutoff) throws SQLException, InterruptedException {
        String sql = "DELETE FROM " + table.table() + " WHERE " + table.timeColumn() + " < ? LIMIT " + batchSize;
        long deleted = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(cutoff));
            while (true) {
                int batch = delete.executeUpdate();
                deleted += batch;
                if (batch < batchSize) {
                    return deleted;
                }
                Thread.sleep(pause.toMillis());
            }
        }
    }
}
