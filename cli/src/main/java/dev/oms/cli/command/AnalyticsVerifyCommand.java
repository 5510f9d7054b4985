package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.CliException;
import dev.oms.cli.Service;
import dev.oms.cli.api.KpiRange;
import dev.oms.cli.api.PaidDay;
import dev.oms.cli.api.RefundDay;
import dev.oms.cli.demo.AnalyticsAudit;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare analytics' KPIs day by day with order-service's paid orders and refund-service's "
                + "completed refunds (counts and amounts); print every difference and exit 1 if there is any.",
                "The services count UTC days: analytics must use the UTC zone for the days to be comparable."})
public class AnalyticsVerifyCommand extends ServiceCommand {

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "the first day (default: 29 days before --to)")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "the last day (default: today, UTC)")
    private LocalDate to;

    @Override
    public Integer call() {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        Query range = Query.create().add("from", first).add("to", last);
        KpiRange kpis = client(Service.ANALYTICS).get(range.appendTo("/kpis"), KpiRange.class);
        if (!"UTC".equals(kpis.zone()) && !"Z".equals(kpis.zone())) {
            throw new CliException("analytics counts business days in " + kpis.zone() + ", the services in UTC: "
                    + "their days cannot be compared");
        }
        List<PaidDay> paid = client(Service.ORDER).get(range.appendTo("/reports/paid-daily"),
                new TypeReference<List<PaidDay>>() { });
        List<RefundDay> refunds = client(Service.REFUND).get(range.appendTo("/reports/refunds-daily"),
                new TypeReference<List<RefundDay>>() { });
        List<String> differences = AnalyticsAudit.differences(kpis.days(), paid, refunds);
        if (differences.isEmpty()) {
            out().println("Analytics agrees with order-service and refund-service on every day from " + first + " to "
                    + last + " (" + kpis.totals().ordersCompleted() + " paid orders, " + kpis.totals().refundsCompleted()
                    + " completed refund(s)).");
            return 0;
        }
        differences.forEach(out()::println);
        out().println(differences.size() + " difference(s) from " + first + " to " + last);
        return 1;
    }
}
