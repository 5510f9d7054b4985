package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.Leaderboard;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;

@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "Show the customers with the highest net spend (paid minus refunded).")
public class LeaderboardCommand extends ServiceCommand {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "how many customers, 1–100 (default: ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "one business day (default: all time)")
    private LocalDate date;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD", description = "the shop currency (default: ${DEFAULT-VALUE})")
    private String currency;

    @Override
    public Integer call() {
        Leaderboard leaderboard = client(Service.ANALYTICS).get(
                Query.create().add("limit", limit).add("date", date).appendTo("/leaderboard"), Leaderboard.class);
        out().print(Views.leaderboard(leaderboard, currency));
        return 0;
    }
}
