package dev.oms.cli.command;

import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.Leaderboard;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;

/** Text views of analytics answers, shared by their own commands and the demo. */
final class Views {

    private Views() {
    }

    static String kpis(DailyKpis kpis) {
        String currency = kpis.currency() == null ? "USD" : kpis.currency();
        String table = Table.of(Column.left(""), Column.right(""))
                .row("orders completed", Cells.count(kpis.ordersCompleted()))
                .row("orders failed", Cells.count(kpis.ordersFailed()))
                .row("orders cancelled", Cells.count(kpis.ordersCancelled()))
                .row("gross revenue", MoneyFormat.format(kpis.grossRevenueMinor(), currency))
                .row("refunded", MoneyFormat.format(kpis.refundedMinor(), currency))
                .row("net revenue", MoneyFormat.format(kpis.netRevenueMinor(), currency))
                .row("average order value", MoneyFormat.format(kpis.averageOrderValueMinor(), currency))
                .row("refunds completed", Cells.count(kpis.refundsCompleted()))
                .renderWithoutHeader();
        return "KPIs for " + kpis.date() + " (" + Cells.text(kpis.zone()) + ")\n" + table.indent(2);
    }

    static String leaderboard(Leaderboard leaderboard, String currency) {
        String scope = "all".equals(leaderboard.scope()) ? "all time" : Cells.text(leaderboard.scope());
        String title = "Top customers by net spend (" + scope + ")\n";
        if (leaderboard.entries().isEmpty()) {
            return title + "  no paid orders yet\n";
        }
        Table table = Table.of(Column.right("RANK"), Column.left("CUSTOMER"), Column.left("EMAIL"),
                Column.right("NET SPEND"));
        for (Leaderboard.Entry entry : leaderboard.entries()) {
            table.row(entry.rank(), Cells.text(entry.name()), Cells.text(entry.email()),
                    MoneyFormat.format(entry.netSpendMinor(), currency));
        }
        return title + table.render().indent(2);
    }
}
