package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.KpiRange;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.LocalDate;

@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = {"Show a day's KPIs: orders completed, failed and cancelled, revenue, refunds, average order value.",
                "With --from and --to: a row per day of the range (at most 366 days) and the totals."})
public class KpiCommand extends ServiceCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "the business day (default: today in analytics-service's zone)")
    private LocalDate date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "the first day of a range (with --to)")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "the last day of a range (with --from)")
    private LocalDate to;

    @Override
    public Integer call() {
        if (from != null || to != null) {
            if (from == null || to == null || date != null) {
                throw new ParameterException(spec.commandLine(), "a range needs both --from and --to, and no --date");
            }
            KpiRange range = client(Service.ANALYTICS).get(Query.create().add("from", from).add("to", to)
                    .appendTo("/kpis"), KpiRange.class);
            out().print(Views.kpiRange(range));
            return 0;
        }
        DailyKpis kpis = client(Service.ANALYTICS).get(Query.create().add("date", date).appendTo("/kpis/daily"),
                DailyKpis.class);
        out().print(Views.kpis(kpis));
        return 0;
    }
}
