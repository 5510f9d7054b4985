package dev.oms.cli.command;

import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.KpiRange;
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

    static String kpiRange(KpiRange range) {
        String currency = range.currency() == null ? "USD" : range.currency();
        Table table = Table.of(Column.left("DAY"), Column.right("COMPLETED"), Column.right("FAILED"),
                Column.right("CANCELLED"), Column.right("GROSS"), Column.right("REFUNDED"), Column.right("NET"),
                Column.right("AVG ORDER"), Column.right("REFUNDS"));
        for (DailyKpis day : range.days()) {
            kpiRow(table, day.date().toString(), day, currency);
        }
        kpiRow(table, "total", range.totals(), currency);
        return "KPIs from " + range.from() + " to " + range.to() + " (" + Cells.text(range.zone()) + ")\n"
                + table.render().indent(2);
    }

    private static void kpiRow(Table table, String label, DailyKpis kpis, String currency) {
        table.row(label, Cells.count(kpis.ordersCompleted()), Cells.count(kpis.ordersFailed()),
                Cells.count(kpis.ordersCancelled()), MoneyFormat.format(kpis.grossRevenueMinor(), currency),
                MoneyFormat.format(kpis.refundedMinor(), currency), MoneyFormat.format(kpis.netRevenueMinor(), currency),
                MoneyFormat.format(kpis.averageOrderValueMinor(), currency), Cells.count(kpis.refundsCompleted()));
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
