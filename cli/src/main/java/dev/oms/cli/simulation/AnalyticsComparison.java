package dev.oms.cli.simulation;

import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Analytics after a run against the expectation: each touched day's KPIs, the all-time leaderboard and each
 * touched day's leaderboard.
 */
public record AnalyticsComparison(Map<LocalDate, List<FigureCheck>> kpisByDay, LeaderboardComparison allTime,
                                  Map<LocalDate, LeaderboardComparison> leaderboardByDay) {

    public boolean ok() {
        return kpisByDay.values().stream().flatMap(List::stream).allMatch(FigureCheck::ok) && allTime.ok()
                && leaderboardByDay.values().stream().allMatch(LeaderboardComparison::ok);
    }

    /** Every difference, one line each naming its day or board; empty when analytics agrees. */
    public List<String> differences(String currency) {
        List<String> differences = new ArrayList<>();
        kpisByDay.forEach((day, checks) -> checks.stream().filter(check -> !check.ok())
                .forEach(check -> differences.add(day + " " + check.figure() + ": expected "
                        + value(check.expected(), check.money(), currency) + ", analytics "
                        + value(check.actual(), check.money(), currency))));
        leaderboardDifferences("leaderboard (all time)", allTime, currency, differences);
        leaderboardByDay.forEach((day, board) ->
                leaderboardDifferences("leaderboard (" + day + ")", board, currency, differences));
        return differences;
    }

    private static void leaderboardDifferences(String board, LeaderboardComparison comparison, String currency,
                                               List<String> differences) {
        for (LeaderboardComparison.Place place : comparison.places()) {
            if (!place.ok()) {
                differences.add(board + " rank " + place.rank() + ": expected " + standing(place.expected(), currency)
                        + ", analytics " + standing(place.actual(), currency));
            }
        }
        for (LeaderboardComparison.CustomerCheck customer : comparison.customers()) {
            if (!customer.ok()) {
                differences.add(board + " " + Cells.text(customer.expected().email()) + ": expected net spend "
                        + MoneyFormat.format(customer.expected().netSpendMinor(), currency) + ", analytics "
                        + (customer.actualMinor() == null ? "does not list the customer"
                        : MoneyFormat.format(customer.actualMinor(), currency)));
            }
        }
    }

    static String standing(Standing standing, String currency) {
        return standing == null ? "nobody"
                : Cells.text(standing.email()) + " " + MoneyFormat.format(standing.netSpendMinor(), currency);
    }

    static String value(long value, boolean money, String currency) {
        return money ? MoneyFormat.format(value, currency) : Cells.count(value);
    }
}
