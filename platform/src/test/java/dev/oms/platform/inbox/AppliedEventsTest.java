package dev.oms.platform.inbox;

import dev.oms.platform.PlatformTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A batch's event ids are checked and recorded at once: each id counts as new once per consumer, never twice. */
class AppliedEventsTest {

    private static PlatformTestDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = new PlatformTestDatabase("oms_applied_events");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void onlyIdsNotAppliedBeforeAreNewAndEachOnlyOnce() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        try (Connection connection = database.dataSource.getConnection()) {
            assertEquals(Set.of(a, b), AppliedEvents.firstTimes(connection, "order-saga", List.of(a, b, a)),
                    "an id twice in one batch is new once");
            assertEquals(Set.of(c), AppliedEvents.firstTimes(connection, "order-saga", List.of(b, c, a)));
            assertEquals(Set.of(), AppliedEvents.firstTimes(connection, "order-saga", List.of(c)));
            assertEquals(Set.of(a), AppliedEvents.firstTimes(connection, "refunds", List.of(a)),
                    "another consumer has its own record");
            assertEquals(Set.of(), AppliedEvents.firstTimes(connection, "refunds", List.of()));
        }
    }

    @Test
    void anIdRecordedMeanwhileByAnotherTransactionFailsTheBatchInsteadOfApplyingItTwice() throws SQLException {
        UUID raced = UUID.randomUUID();
        try (Connection batch = database.dataSource.getConnection();
             Connection other = database.dataSource.getConnection()) {
            batch.setAutoCommit(false);
            UUID earlier = UUID.randomUUID();
            // The batch's first read fixes its snapshot; then the other transaction records the id and commits.
            assertEquals(Set.of(earlier), AppliedEvents.firstTimes(batch, "order-saga", List.of(earlier)));
            assertEquals(Set.of(raced), AppliedEvents.firstTimes(other, "order-saga", List.of(raced)));
            assertThrows(SQLException.class, () -> AppliedEvents.firstTimes(batch, "order-saga", List.of(raced)));
            batch.rollback();
        }
    }
}
