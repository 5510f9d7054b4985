package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.OrderStats;
import dev.oms.cli.api.OrderStatuses;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import picocli.CommandLine.Command;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Count orders by status.")
public class OrdersStatsCommand extends ServiceCommand {

    @Override
    public Integer call() {
        OrderStats stats = client(Service.ORDER).get("/orders/stats", OrderStats.class);
        Table table = Table.of(Column.left("STATUS"), Column.right("ORDERS"));
        for (String status : OrderStatuses.sorted(stats.byStatus().keySet())) {
            table.row(status, Cells.count(stats.count(status)));
        }
        table.row("total", Cells.count(stats.total()));
        out().print(table.render());
        return 0;
    }
}
