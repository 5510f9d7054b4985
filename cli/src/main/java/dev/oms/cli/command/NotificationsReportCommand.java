package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.Service;
import dev.oms.cli.api.Notification;
import dev.oms.cli.api.NotificationReport;
import dev.oms.cli.api.Page;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.math.BigDecimal;
import java.math.RoundingMode;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Notifications by type and status with the success rate (sent / (sent + failed)),",
                "then the latest notifications (one line per event and channel)."})
public class NotificationsReportCommand extends ServiceCommand {

    private static final int MAX_LIMIT = 200;
    private static final int MAX_ERROR_WIDTH = 60;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "how many of the latest notifications to list, 0–200 (default: ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "only this type: ORDER_CONFIRMED, ORDER_FAILED, ORDER_SHIPPED, ORDER_DELIVERED, "
                    + "REFUND_COMPLETED, REFUND_FAILED")
    private String type;

    @Option(names = "--status", paramLabel = "STATUS", description = "only this status: PENDING, SENT, FAILED")
    private String status;

    @Override
    public Integer call() {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--limit': " + limit + " is not between 0 and " + MAX_LIMIT);
        }
        Query filter = Query.create().add("type", type).add("status", status);
        NotificationReport report = client(Service.NOTIFICATION).get(filter.appendTo("/notifications/report"),
                NotificationReport.class);
        out().print(counts(report));
        if (limit > 0) {
            Page<Notification> latest = client(Service.NOTIFICATION).get(
                    Query.create().add("type", type).add("status", status).add("size", limit).appendTo("/notifications"),
                    new TypeReference<Page<Notification>>() { });
            out().println();
            out().print(latest(latest));
        }
        return 0;
    }

    private static String counts(NotificationReport report) {
        Table table = Table.of(Column.left("TYPE"), Column.right("PENDING"), Column.right("SENT"),
                Column.right("FAILED"), Column.right("SUCCESS"));
        for (NotificationReport.TypeCounts counts : report.byType()) {
            table.row(counts.type(), Cells.count(counts.pending()), Cells.count(counts.sent()),
                    Cells.count(counts.failed()), percent(counts.successRate()));
        }
        NotificationReport.Counts total = report.total();
        table.row("total", Cells.count(total.pending()), Cells.count(total.sent()), Cells.count(total.failed()),
                percent(total.successRate()));
        return "Notifications by type and status\n" + table.render().indent(2);
    }

    private static String latest(Page<Notification> page) {
        if (page.items().isEmpty()) {
            return "No notifications yet\n";
        }
        Table table = Table.of(Column.left("CREATED"), Column.left("TYPE"), Column.left("CHANNEL"),
                Column.left("STATUS"), Column.right("ATTEMPTS"), Column.left("ORDER"), Column.left("LAST ERROR"));
        for (Notification n : page.items()) {
            table.row(Cells.text(n.createdAt()), n.type(), n.channel(), n.status(), n.attempts(), n.orderId(),
                    shortened(n.lastError()));
        }
        return "Latest " + Cells.count(page.items().size()) + " of " + Cells.count(page.total()) + " notifications\n"
                + table.render().indent(2);
    }

    /** e.g. 0.9523 → {@code 95.2%}; "-" while no notification has ended. */
    static String percent(Double rate) {
        if (rate == null) {
            return "-";
        }
        return BigDecimal.valueOf(rate).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String shortened(String error) {
        if (error == null || error.isBlank()) {
            return "-";
        }
        String oneLine = error.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ERROR_WIDTH ? oneLine : oneLine.substring(0, MAX_ERROR_WIDTH - 1) + "…";
    }
}
