package dev.oms.cli.simulation;

import dev.oms.cli.api.Leaderboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A leaderboard after the run against its expectation: the top places one by one (when they can be expected), and
 * every customer of the run whose net spend is known: expected beside analytics' figure.
 */
public final class LeaderboardComparison {

    /** One place of the top: who should be there with what, and who is. Either side is null when the board is shorter. */
    public record Place(int rank, Standing expected, Standing actual) {

        /** Only id and figure count: the name on the board is the latest the customer used. */
        public boolean ok() {
            return expected == null ? actual == null
                    : actual != null && expected.customerId().equals(actual.customerId())
                    && expected.netSpendMinor() == actual.netSpendMinor();
        }
    }

    /** A customer of the run: expected net spend beside analytics' (null when not on the board read). */
    public record CustomerCheck(Standing expected, Long actualMinor) {

        public boolean ok() {
            return actualMinor != null && actualMinor == expected.netSpendMinor();
        }
    }

    private final List<Place> places;
    private final List<CustomerCheck> customers = new ArrayList<>();
    private final Set<String> unchecked = new TreeSet<>();

    /**
     * @param expected     the expected board
     * @param runCustomers ids of the customers whose net spend the run changed
     * @param actual       analytics' board after the run, read with {@code limit}
     * @param top          how many places to compare
     */
    public LeaderboardComparison(ExpectedLeaderboard expected, Set<String> runCustomers, Leaderboard actual, int limit,
                                 int top) {
        List<Standing> actualStandings = actual.entries().stream()
                .map(entry -> new Standing(entry.customerId(), entry.name(), entry.email(), entry.netSpendMinor()))
                .toList();
        places = expected.top(top).map(expectedTop -> places(expectedTop, actualStandings, top)).orElse(List.of());
        Map<String, Standing> actualById = actualStandings.stream()
                .collect(Collectors.toMap(Standing::customerId, Function.identity(), (first, second) -> first));
        boolean cutOff = actualStandings.size() >= limit;
        long lowestShown = actualStandings.isEmpty() ? Long.MIN_VALUE
                : actualStandings.get(actualStandings.size() - 1).netSpendMinor();
        unchecked.addAll(expected.unknown());
        for (String customerId : new TreeSet<>(runCustomers)) {
            Optional<Standing> standing = expected.of(customerId);
            if (standing.isEmpty()) {
                continue;
            }
            Standing shown = actualById.get(customerId);
            if (shown == null && cutOff && standing.get().netSpendMinor() <= lowestShown) {
                // Expected below the last place read, so rightly not on it: nothing to compare with.
                unchecked.add(customerId);
            } else {
                customers.add(new CustomerCheck(standing.get(), shown == null ? null : shown.netSpendMinor()));
            }
        }
    }

    private static List<Place> places(List<Standing> expectedTop, List<Standing> actual, int top) {
        List<Place> places = new ArrayList<>();
        int shown = Math.min(top, Math.max(expectedTop.size(), actual.size()));
        for (int i = 0; i < shown; i++) {
            places.add(new Place(i + 1, i < expectedTop.size() ? expectedTop.get(i) : null,
                    i < actual.size() ? actual.get(i) : null));
        }
        return places;
    }

    /** Empty when the top could not be expected (see {@link ExpectedLeaderboard#unknown()}). */
    public List<Place> places() {
        return places;
    }

    public List<CustomerCheck> customers() {
        return List.copyOf(customers);
    }

    /** Customers of the run whose net spend could not be compared: unknown before, or rightly below the board read. */
    public Set<String> unchecked() {
        return Set.copyOf(unchecked);
    }

    public boolean ok() {
        return places.stream().allMatch(Place::ok) && customers.stream().allMatch(CustomerCheck::ok);
    }
}
