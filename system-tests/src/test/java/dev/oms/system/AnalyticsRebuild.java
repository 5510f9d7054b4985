package dev.oms.system;

import dev.oms.system.OmsApi.RebuildStatus;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.oms.system.Figures.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rebuilds analytics from the event topics on a quiet system and checks that the rebuilt numbers equal the live
 * ones: every day's KPIs from {@code firstDay} to today and the all-time top 100.
 */
final class AnalyticsRebuild {

    private AnalyticsRebuild() {
    }

    /** Returns the rebuild's figures, for the test's report. */
    static String assertRebuildEqualsLive(OmsApi api, LocalDate firstDay) {
        String kpisPath = "/kpis?from=" + firstDay + "&to=" + LocalDate.now(ZoneOffset.UTC);
        String leaderboardPath = "/leaderboard?limit=100";
        String liveKpis = api.analyticsJson(kpisPath);
        String liveLeaderboard = api.analyticsJson(leaderboardPath);

        RebuildStatus started = api.startRebuild();
        RebuildStatus finished = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(api::rebuildStatus, status -> !status.state().equals("RUNNING"));

        assertEquals("SWITCHED", finished.state(), "rebuild ended " + finished.state() + ": " + finished.error());
        assertEquals(started.fromGeneration() + 1, finished.toGeneration());
        assertEquals(liveKpis, api.analyticsJson(kpisPath), "rebuilt KPIs = live KPIs");
        assertEquals(liveLeaderboard, api.analyticsJson(leaderboardPath), "rebuilt leaderboard = live leaderboard");
        double seconds = Duration.between(finished.startedAt(), finished.finishedAt()).toMillis() / 1000.0;
        return String.format("analytics rebuild: %s records (%s events applied, %s skipped) in %.1f s = %s records/s; "
                        + "generation %d replaced %d; KPIs and top 100 equal the live ones",
                count(finished.recordsRead()), count(finished.eventsApplied()), count(finished.recordsSkipped()),
                seconds, count(finished.recordsPerSecond()), finished.toGeneration(), finished.fromGeneration());
    }
}
