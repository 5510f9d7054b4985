package dev.oms.cli.simulation;

import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;

import java.time.LocalDate;
import java.util.List;

/** Tables of an {@link AnalyticsComparison}: before, expected after and actual after, side by side. */
public final class ComparisonView {

    private static final String OK = "ok";
    private static final String DIFF = "DIFF";

    private ComparisonView() {
    }

    public static String of(AnalyticsComparison comparison, String zone, String currency) {
        StringBuilder text = new StringBuilder();
        comparison.kpisByDay().forEach((day, checks) -> text.append(kpis(day, zone, checks, currency)).append('\n'));
        text.append(leaderboard("all time", comparison.allTime(), currency));
        comparison.leaderboardByDay().forEach((day, board) ->
                text.append('\n').append(leaderboard(day.toString(), board, currency)));
        return text.toString();
    }

    static String kpis(LocalDate day, String zone, List<FigureCheck> checks, String currency) {
        Table table = Table.of(Column.left("FIGURE"), Column.right("BEFORE"), Column.right("EXPECTED AFTER"),
                Column.right("ACTUAL AFTER"), Column.left("CHECK"));
        for (FigureCheck check : checks) {
            table.row(check.figure(), AnalyticsComparison.value(check.before(), check.money(), currency),
                    AnalyticsComparison.value(check.expected(), check.money(), currency),
                    AnalyticsComparison.value(check.actual(), check.money(), currency), check.ok() ? OK : DIFF);
        }
        return "KPIs for " + day + " (" + Cells.text(zone) + ")\n" + table.render().indent(2);
    }

    static String leaderboard(String scope, LeaderboardComparison board, String currency) {
        StringBuilder text = new StringBuilder("Top customers by net spend (" + scope + ")\n");
        if (board.places().isEmpty()) {
            text.append("  not compared: the net spend before the run of ").append(board.unchecked().size())
                    .append(" customer(s) of this run could not be read (below the board's limit)\n");
        } else {
            Table table = Table.of(Column.right("RANK"), Column.left("EXPECTED"), Column.right("NET SPEND"),
                    Column.left("ACTUAL"), Column.right("NET SPEND"), Column.left("CHECK"));
            for (LeaderboardComparison.Place place : board.places()) {
                table.row(place.rank(), email(place.expected()), spend(place.expected(), currency),
                        email(place.actual()), spend(place.actual(), currency), place.ok() ? OK : DIFF);
            }
            text.append(table.render().indent(2));
        }
        long agreeing = board.customers().stream().filter(LeaderboardComparison.CustomerCheck::ok).count();
        text.append("  customers of this run: net spend as expected for ").append(Cells.count(agreeing)).append(" of ")
                .append(Cells.count(board.customers().size()));
        if (!board.unchecked().isEmpty()) {
            text.append(" (").append(Cells.count(board.unchecked().size()))
                    .append(" more not comparable: below the board's limit)");
        }
        return text.append('\n').toString();
    }

    private static String email(Standing standing) {
        return standing == null ? "-" : Cells.text(standing.email());
    }

    private static String spend(Standing standing, String currency) {
        return standing == null ? "-" : MoneyFormat.format(standing.netSpendMinor(), currency);
    }
}
