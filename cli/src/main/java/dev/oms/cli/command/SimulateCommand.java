package dev.oms.cli.command;

import dev.oms.cli.CliException;
import dev.oms.cli.Service;
import dev.oms.cli.api.Leaderboard;
import dev.oms.cli.demo.GeneratedOrder;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.http.ServiceClient;
import dev.oms.cli.simulation.AnalyticsComparison;
import dev.oms.cli.simulation.ComparisonView;
import dev.oms.cli.simulation.RefundPlan;
import dev.oms.cli.simulation.RefundPlanner;
import dev.oms.cli.simulation.RunEffect;
import dev.oms.cli.simulation.SettledOrder;
import dev.oms.cli.simulation.SettledRefund;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"The assignment test: import generated orders, refund some of the paid ones in full and some in "
                + "part, and check that analytics' KPIs and leaderboards moved by exactly what this run did. The "
                + "expected figures are worked out from the generated orders and how order-service and refund-service "
                + "ended each order and refund, and shown beside analytics' figures.",
                "Other traffic during the run shows up as differences: run it on an otherwise quiet system.",
                "Exit code 1 when a step fails or any figure differs from the expected one."})
public class SimulateCommand extends ServiceCommand {

    private static final int STEPS = 8;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "1000",
            description = "how many orders to import, 1 to 1,000,000 (default: ${DEFAULT-VALUE})")
    private int orders;

    @Option(names = "--refunds", paramLabel = "K",
            description = "how many paid orders to refund, 0 to N (default: N/10); fewer when fewer orders were paid")
    private Integer refunds;

    @Option(names = "--partial-share", paramLabel = "SHARE", defaultValue = "0.5",
            description = "the share of the refunds that refund part of the order, 0 to 1 (default: ${DEFAULT-VALUE})")
    private double partialShare;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seed of the generated orders and of the refunds' choice and amounts (default: ${DEFAULT-VALUE})")
    private long seed;

    /** analytics consumes the events a moment after the services have written them. */
    @Option(names = "--analytics-wait", paramLabel = "SECONDS", defaultValue = "90",
            description = "how long analytics may take to catch up with the run before its figures count as "
                    + "different (default: ${DEFAULT-VALUE})")
    private int analyticsWaitSeconds;

    @Override
    public Integer call() {
        int refundCount = validatedRefundCount();
        RunAnalytics analytics = new RunAnalytics(client(Service.ANALYTICS));
        ServiceClient orderService = client(Service.ORDER);
        GeneratedImport steps = new GeneratedImport(orderService, client(Service.IMPORT), out());

        step(1, "Product catalog");
        steps.loadCatalog(orders);

        step(2, "Before: today's KPIs and top customers");
        RunAnalytics.Before before = analytics.before();
        printBefore(before);
        LocalDate firstUtcDay = LocalDate.now(ZoneOffset.UTC);

        step(3, "Orders file");
        String prefix = GeneratedImport.runPrefix("sim");
        List<GeneratedOrder> generated = new ArrayList<>(orders);
        Path file = GeneratedImport.createTempFile("simulate");
        try {
            long rows = steps.generateOrders(file, prefix, orders, seed, generated::add);

            step(4, "Import");
            GeneratedImport.Imported imported = steps.importFile(file, rows);
            if (imported.job().isFailed()) {
                return 1;
            }
            if (imported.newOrders() != orders) {
                throw new CliException("import-service published " + Cells.count(imported.newOrders()) + " of the "
                        + Cells.count(orders) + " generated orders: the expected figures would not hold");
            }

            step(5, "Order saga");
            steps.awaitSettlement(imported);
        } finally {
            GeneratedImport.deleteQuietly(file);
        }
        List<SettledOrder> settled;
        try (ProgressLine progress = ProgressLine.forConsole(out())) {
            settled = new SettledOrdersReader(orderService).read(generated, firstUtcDay, progress);
        }
        out().println("Orders of this run by status: " + byStatus(settled.stream().map(SettledOrder::status).toList()));
        List<String> runDifferences = new ArrayList<>(totalDifferences(settled, before.currency()));

        step(6, "Refunds");
        List<SettledRefund> ended = refund(settled, refundCount, prefix, before.currency());
        runDifferences.addAll(refundDifferences(ended, before.currency()));

        step(7, "Expected vs analytics");
        RunEffect effect = RunEffect.of(settled, ended, before.zone());
        NavigableSet<LocalDate> days = daysToCompare(before.day(), effect);
        if (days.size() > 1) {
            out().println("This run's events fall on " + days.size() + " business days in " + before.zone() + " ("
                    + days.stream().map(LocalDate::toString).collect(Collectors.joining(", ")) + "): each is compared; "
                    + "the later days had no figures before the run began");
        }
        AnalyticsComparison comparison;
        try (ProgressLine progress = ProgressLine.forConsole(out())) {
            comparison = analytics.awaitAgreement(before, effect, days, Duration.ofSeconds(analyticsWaitSeconds), progress);
        }

        step(8, "Result");
        out().print(ComparisonView.of(comparison, before.zone().getId(), before.currency()));
        List<String> differences = new ArrayList<>(runDifferences);
        differences.addAll(comparison.differences(before.currency()));
        out().println();
        if (differences.isEmpty()) {
            out().println("Analytics moved by exactly this run: every figure as expected.");
            return 0;
        }
        out().println(differences.size() + " difference(s):");
        differences.forEach(difference -> out().println("  " + difference));
        return 1;
    }

    private int validatedRefundCount() {
        if (orders < 1 || orders > GeneratedImport.MAX_ORDERS) {
            throw new ParameterException(spec.commandLine(), "--orders must be between 1 and " + GeneratedImport.MAX_ORDERS);
        }
        int count = refunds == null ? orders / 10 : refunds;
        if (count < 0 || count > orders) {
            throw new ParameterException(spec.commandLine(), "--refunds must be between 0 and --orders (" + orders + ")");
        }
        if (!(partialShare >= 0 && partialShare <= 1)) {
            throw new ParameterException(spec.commandLine(), "--partial-share must be between 0 and 1");
        }
        if (analyticsWaitSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--analytics-wait must not be negative");
        }
        return count;
    }

    private void step(int number, String title) {
        out().println();
        out().println("== " + number + "/" + STEPS + " " + title);
        out().flush();
    }

    private void printBefore(RunAnalytics.Before before) {
        out().print(Views.kpis(before.today()));
        out().println();
        out().print(Views.leaderboard(top(before.allTime()), before.currency()));
        out().println();
        out().print(Views.leaderboard(top(before.onDay()), before.currency()));
    }

    private static Leaderboard top(Leaderboard board) {
        return new Leaderboard(board.scope(), board.entries().stream().limit(RunAnalytics.TOP).toList());
    }

    /** Order-service must have charged what the generated file says: the expectation is built on the file's totals. */
    private static List<String> totalDifferences(List<SettledOrder> settled, String currency) {
        return settled.stream()
                .filter(order -> order.reportedTotalMinor() != order.generated().totalMinor())
                .map(order -> "order " + order.generated().externalOrderId() + " total: generated "
                        + MoneyFormat.format(order.generated().totalMinor(), currency) + ", order-service "
                        + MoneyFormat.format(order.reportedTotalMinor(), currency))
                .toList();
    }

    private static List<String> refundDifferences(List<SettledRefund> ended, String currency) {
        return ended.stream()
                .filter(refund -> refund.amountMinor() != refund.plan().amountMinor())
                .map(refund -> "refund " + refund.refundId() + " amount: requested "
                        + MoneyFormat.format(refund.plan().amountMinor(), currency) + ", refund-service "
                        + MoneyFormat.format(refund.amountMinor(), currency))
                .toList();
    }

    private List<SettledRefund> refund(List<SettledOrder> settled, int count, String prefix, String currency) {
        List<GeneratedOrder> paid = settled.stream().filter(SettledOrder::isPaid).map(SettledOrder::generated).toList();
        List<RefundPlan> plans = new RefundPlanner(seed).plan(paid, count, partialShare, prefix);
        long full = plans.stream().filter(RefundPlan::isFull).count();
        out().println("Refunding " + Cells.count(plans.size()) + " of " + Cells.count(paid.size()) + " paid orders: "
                + Cells.count(full) + " in full, " + Cells.count(plans.size() - full) + " in part"
                + (plans.size() < count ? " (" + Cells.count(count) + " asked for, but only so many were paid)" : ""));
        out().flush();
        List<SettledRefund> ended;
        try (ProgressLine progress = ProgressLine.forConsole(out())) {
            ended = new RefundRunner(client(Service.REFUND)).run(plans, progress);
        }
        if (!ended.isEmpty()) {
            long completedMinor = ended.stream().filter(SettledRefund::isCompleted).mapToLong(SettledRefund::amountMinor).sum();
            out().println("Refunds by status: " + byStatus(ended.stream().map(SettledRefund::status).toList())
                    + "; completed ones " + MoneyFormat.format(completedMinor, currency)
                    + " (declined ones are expected: the payment simulator declines a share of refunds)");
        }
        return ended;
    }

    /** e.g. {@code COMPLETED 8 · FAILED 4}, statuses in alphabetical order. */
    static String byStatus(List<String> statuses) {
        Map<String, Long> counts = new TreeMap<>(statuses.stream()
                .collect(Collectors.groupingBy(status -> status, Collectors.counting())));
        return counts.entrySet().stream().map(entry -> entry.getKey() + " " + Cells.count(entry.getValue()))
                .collect(Collectors.joining(" · "));
    }

    private static NavigableSet<LocalDate> daysToCompare(LocalDate firstDay, RunEffect effect) {
        NavigableSet<LocalDate> days = new TreeSet<>(effect.figuresByDay().keySet());
        days.add(firstDay);
        if (days.first().isBefore(firstDay)) {
            throw new CliException("this run's events fall on " + days.first() + ", before the run began on " + firstDay
                    + ": are the clocks of the services and this machine apart?");
        }
        return days;
    }
}
