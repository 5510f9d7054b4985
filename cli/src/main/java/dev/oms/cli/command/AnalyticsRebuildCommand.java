package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.RebuildStatus;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.http.ServiceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Recompute every KPI and leaderboard from the event topics into a fresh generation of Redis "
                + "keys, then switch to it atomically (reads keep answering meanwhile). Needs the admin role.",
                "Exit code 1 when the rebuild fails (the old numbers then stay)."})
public class AnalyticsRebuildCommand extends ServiceCommand {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    @Option(names = "--no-wait", description = "start it and return; follow it with: oms analytics rebuild --status")
    private boolean noWait;

    @Option(names = "--status", description = "show the latest rebuild instead of starting one")
    private boolean statusOnly;

    @Override
    public Integer call() {
        ServiceClient analytics = client(Service.ANALYTICS);
        RebuildStatus status = statusOnly ? analytics.get("/ops/rebuild", RebuildStatus.class)
                : analytics.postJson("/ops/rebuild", Map.of(), RebuildStatus.class);
        if (!statusOnly && !noWait) {
            status = follow(analytics, status);
        }
        out().println(summary(status));
        if (status.error() != null) {
            out().println("Reason: " + status.error());
        }
        return status.isRunning() || status.isSwitched() ? 0 : 1;
    }

    private RebuildStatus follow(ServiceClient analytics, RebuildStatus started) {
        RebuildStatus current = started;
        try (ProgressLine progress = ProgressLine.forConsole(out())) {
            while (current.isRunning()) {
                progress.update(progressText(current));
                Pause.sleep(POLL_INTERVAL);
                current = analytics.get("/ops/rebuild", RebuildStatus.class);
            }
            progress.finish(progressText(current));
        }
        return current;
    }

    private static String progressText(RebuildStatus status) {
        // More records may arrive while it runs than the topics held when it started.
        long total = Math.max(status.recordsTotal(), status.recordsRead());
        return ProgressLine.bar(status.recordsRead(), Math.max(1, total)) + " " + Cells.count(status.recordsRead())
                + " of " + Cells.count(total) + " records, " + Cells.count(status.recordsPerSecond()) + " records/s";
    }

    private static String summary(RebuildStatus status) {
        return "Rebuild " + status.id() + " " + status.state() + ": generation " + status.toGeneration()
                + (status.isSwitched() ? " replaces " : " to replace ") + status.fromGeneration() + "; "
                + Cells.count(status.recordsRead()) + " records read (" + Cells.count(status.eventsApplied())
                + " events applied, " + Cells.count(status.recordsSkipped()) + " skipped) in "
                + String.format(Locale.ROOT, "%.1f", status.elapsed().toMillis() / 1000.0) + " s, "
                + Cells.count(status.recordsPerSecond()) + " records/s";
    }
}
