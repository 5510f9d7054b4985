package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.Service;
import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.Leaderboard;
import dev.oms.cli.api.PaidDay;
import dev.oms.cli.demo.DemoCatalog;
import dev.oms.cli.demo.KpiCrossCheck;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import dev.oms.cli.http.Query;
import dev.oms.cli.http.ServiceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole system once: load a demo catalog, import generated orders, wait for every order "
                + "to finish its saga, show today's KPIs and top customers, and check the KPIs against order-service.",
                "Exit code 1 when a step fails or the KPIs disagree with order-service."})
public class DemoCommand extends ServiceCommand {

    /** analytics consumes the same events a moment after order-service has written them. */
    private static final Duration ANALYTICS_CATCH_UP = Duration.ofSeconds(60);
    private static final int STEPS = 7;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "1000", description = "how many orders to import (default: ${DEFAULT-VALUE})")
    private int orders;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seed of the generated orders: the same seed gives the same customers, products and "
                    + "quantities (default: ${DEFAULT-VALUE})")
    private long seed;

    private ServiceClient orderService;
    private ServiceClient analyticsService;

    @Override
    public Integer call() {
        if (orders < 1 || orders > GeneratedImport.MAX_ORDERS) {
            throw new ParameterException(spec.commandLine(), "--orders must be between 1 and " + GeneratedImport.MAX_ORDERS);
        }
        orderService = client(Service.ORDER);
        analyticsService = client(Service.ANALYTICS);
        GeneratedImport steps = new GeneratedImport(orderService, client(Service.IMPORT), out());

        step(1, "Product catalog");
        steps.loadCatalog(orders);

        step(2, "Orders file");
        Path file = GeneratedImport.createTempFile("demo");
        try {
            long rows = steps.generateOrders(file, GeneratedImport.runPrefix("demo"), orders, seed, order -> { });

            step(3, "Import");
            GeneratedImport.Imported imported = steps.importFile(file, rows);
            if (imported.job().isFailed()) {
                return 1;
            }

            step(4, "Order saga");
            steps.awaitSettlement(imported);
        } finally {
            GeneratedImport.deleteQuietly(file);
        }

        step(5, "Today's KPIs and top customers");
        DailyKpis today = analyticsService.get("/kpis/daily", DailyKpis.class);
        boolean utcDays = isUtc(today.zone());
        Comparison comparison = utcDays ? awaitAnalytics(today) : new Comparison(today, List.of());
        DailyKpis kpis = comparison.kpis();
        out().print(Views.kpis(kpis));
        out().println();
        Leaderboard top = analyticsService.get(Query.create().add("limit", 10).add("date", kpis.date())
                .appendTo("/leaderboard"), Leaderboard.class);
        out().print(Views.leaderboard(top, kpis.currency() == null ? DemoCatalog.CURRENCY : kpis.currency()));

        step(6, "Cross-check with order-service");
        int exitCode = printCrossCheck(kpis, utcDays, comparison.differences());

        step(7, "Services");
        printServices();
        return exitCode;
    }

    private void step(int number, String title) {
        out().println();
        out().println("== " + number + "/" + STEPS + " " + title);
        out().flush();
    }

    /** The KPIs of a day and how they differ from order-service's figures (empty when they agree). */
    private record Comparison(DailyKpis kpis, List<String> differences) {
    }

    /** Waits until analytics agrees with order-service or the catch-up time is over, and returns the last comparison. */
    private Comparison awaitAnalytics(DailyKpis first) {
        long deadline = System.nanoTime() + ANALYTICS_CATCH_UP.toNanos();
        DailyKpis kpis = first;
        try (ProgressLine progress = ProgressLine.forConsole(out())) {
            while (true) {
                List<String> differences = KpiCrossCheck.differences(kpis, paidOn(kpis));
                if (differences.isEmpty() || System.nanoTime() > deadline) {
                    return new Comparison(kpis, differences);
                }
                progress.update("Waiting for analytics to catch up: " + String.join("; ", differences));
                Pause.sleep(ImportRunner.POLL_INTERVAL);
                kpis = analyticsService.get("/kpis/daily?date=" + kpis.date(), DailyKpis.class);
            }
        }
    }

    private PaidDay paidOn(DailyKpis kpis) {
        List<PaidDay> days = orderService.get(Query.create().add("from", kpis.date()).add("to", kpis.date())
                .appendTo("/reports/paid-daily"), new TypeReference<List<PaidDay>>() { });
        return days.stream().filter(day -> kpis.date().equals(day.date())).findFirst().orElse(null);
    }

    private int printCrossCheck(DailyKpis kpis, boolean utcDays, List<String> differences) {
        if (!utcDays) {
            out().println("Cross-check skipped: analytics counts business days in " + kpis.zone()
                    + ", order-service reports UTC days");
            return 0;
        }
        if (differences.isEmpty()) {
            String currency = kpis.currency() == null ? DemoCatalog.CURRENCY : kpis.currency();
            out().println("KPIs match order-service: yes (" + Cells.count(kpis.ordersCompleted()) + " paid orders, "
                    + MoneyFormat.format(kpis.grossRevenueMinor(), currency) + " gross revenue on " + kpis.date() + ")");
            return 0;
        }
        out().println("KPIs match order-service: no");
        differences.forEach(difference -> out().println("  " + difference));
        return 1;
    }

    private static boolean isUtc(String zone) {
        if (zone == null) {
            return false;
        }
        try {
            return ZoneId.of(zone).normalized().equals(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void printServices() {
        Table table = Table.of(Column.left("SERVICE"), Column.left("URL"), Column.left("OPENAPI"), Column.left("HEALTH"));
        for (Service service : Service.values()) {
            String url = root().serviceUrls().urlOf(service).toString();
            table.row(service.displayName(), url, url + "/q/openapi", url + "/q/health");
        }
        out().print(table.render());
        out().flush();
    }
}
