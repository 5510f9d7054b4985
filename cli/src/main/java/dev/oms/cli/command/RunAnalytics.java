package dev.oms.cli.command;

import dev.oms.cli.CliException;
import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.Leaderboard;
import dev.oms.cli.demo.DemoCatalog;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.http.Query;
import dev.oms.cli.http.ServiceClient;
import dev.oms.cli.simulation.AnalyticsComparison;
import dev.oms.cli.simulation.ExpectedLeaderboard;
import dev.oms.cli.simulation.FigureCheck;
import dev.oms.cli.simulation.KpiComparison;
import dev.oms.cli.simulation.KpiFigures;
import dev.oms.cli.simulation.LeaderboardComparison;
import dev.oms.cli.simulation.RunEffect;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** What analytics showed before a simulation run, and how its figures after the run compare with the expected ones. */
final class RunAnalytics {

    /** The most analytics lists: the leaderboards are read this deep to know the run's customers' figures. */
    private static final int BOARD_LIMIT = 100;
    static final int TOP = 10;

    /** The business day and zone the run started in, the shop currency, and the figures analytics had then. */
    record Before(DailyKpis today, ZoneId zone, String currency, Leaderboard allTime, Leaderboard onDay) {

        LocalDate day() {
            return today.date();
        }
    }

    private final ServiceClient analyticsService;

    RunAnalytics(ServiceClient analyticsService) {
        this.analyticsService = analyticsService;
    }

    Before before() {
        DailyKpis today = analyticsService.get("/kpis/daily", DailyKpis.class);
        ZoneId zone;
        try {
            zone = ZoneId.of(today.zone());
        } catch (DateTimeException | NullPointerException e) {
            throw new CliException("analytics reports its business days in an unknown zone: " + today.zone());
        }
        String currency = today.currency() == null ? DemoCatalog.CURRENCY : today.currency();
        return new Before(today, zone, currency, leaderboard(null), leaderboard(today.date()));
    }

    /** Compares until analytics agrees or {@code wait} is over, and returns the last comparison. */
    AnalyticsComparison awaitAgreement(Before before, RunEffect effect, NavigableSet<LocalDate> days, Duration wait,
                                       ProgressLine progress) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            AnalyticsComparison comparison = compare(before, effect, days);
            if (comparison.ok()) {
                progress.finish("Analytics has caught up");
                return comparison;
            }
            if (System.nanoTime() > deadline) {
                progress.finish("Analytics still differs after " + wait.toSeconds() + " s");
                return comparison;
            }
            progress.update("Waiting for analytics to catch up: "
                    + comparison.differences(before.currency()).size() + " figure(s) differ");
            Pause.sleep(ImportRunner.POLL_INTERVAL);
        }
    }

    /** Days after the first had no figures before the run: it began before them. */
    private AnalyticsComparison compare(Before before, RunEffect effect, NavigableSet<LocalDate> days) {
        Map<LocalDate, List<FigureCheck>> kpis = new TreeMap<>();
        Map<LocalDate, LeaderboardComparison> boards = new TreeMap<>();
        for (LocalDate day : days) {
            boolean firstDay = day.equals(before.day());
            DailyKpis actual = analyticsService.get(Query.create().add("date", day).appendTo("/kpis/daily"),
                    DailyKpis.class);
            KpiFigures figuresBefore = firstDay ? KpiFigures.of(before.today()) : KpiFigures.NONE;
            kpis.put(day, KpiComparison.of(figuresBefore, effect.figuresOn(day), actual));
            Leaderboard boardBefore = firstDay ? before.onDay() : new Leaderboard(day.toString(), List.of());
            boards.put(day, boardComparison(boardBefore, effect.netSpendChangeOn(day), effect, leaderboard(day)));
        }
        LeaderboardComparison allTime = boardComparison(before.allTime(), effect.netSpendChange(), effect,
                leaderboard(null));
        return new AnalyticsComparison(kpis, allTime, boards);
    }

    private static LeaderboardComparison boardComparison(Leaderboard before, Map<UUID, Long> changes, RunEffect effect,
                                                         Leaderboard actual) {
        ExpectedLeaderboard expected = ExpectedLeaderboard.of(before, BOARD_LIMIT, changes, effect.customers());
        return new LeaderboardComparison(expected,
                changes.keySet().stream().map(UUID::toString).collect(Collectors.toSet()), actual, BOARD_LIMIT, TOP);
    }

    private Leaderboard leaderboard(LocalDate day) {
        return analyticsService.get(Query.create().add("limit", BOARD_LIMIT).add("date", day).appendTo("/leaderboard"),
                Leaderboard.class);
    }
}
