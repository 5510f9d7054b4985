package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;

@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = "Show a day's KPIs: orders completed, failed and cancelled, revenue, refunds, average order value.")
public class KpiCommand extends ServiceCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "the business day (default: today in analytics-service's zone)")
    private LocalDate date;

    @Override
    public Integer call() {
        DailyKpis kpis = client(Service.ANALYTICS).get(Query.create().add("date", date).appendTo("/kpis/daily"),
                DailyKpis.class);
        out().print(Views.kpis(kpis));
        return 0;
    }
}
