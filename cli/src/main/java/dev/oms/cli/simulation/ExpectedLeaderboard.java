package dev.oms.cli.simulation;

import dev.oms.cli.api.Leaderboard;
import dev.oms.cli.demo.DemoCustomer;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A leaderboard as it should be after a run: the board read before it with each customer's change applied. The
 * board can only be read up to a limit; when the board read before was cut off there, a customer of the run who is
 * not on it had an unknown net spend, so their figure (and with it the ranking) cannot be expected.
 */
public final class ExpectedLeaderboard {

    /** Biggest net spend first, ties by ascending customer id (its canonical lower-case text), as analytics ranks. */
    public static final Comparator<Standing> RANKING = Comparator.comparingLong(Standing::netSpendMinor).reversed()
            .thenComparing(Standing::customerId);

    private final Map<String, Standing> known = new HashMap<>();
    private final Set<String> unknown = new TreeSet<>();

    private ExpectedLeaderboard() {
    }

    /**
     * @param before    the board before the run, read with {@code limit}
     * @param changes   each customer's change of net spend in this run
     * @param customers the run's customers, for names
     */
    public static ExpectedLeaderboard of(Leaderboard before, int limit, Map<UUID, Long> changes,
                                         Map<UUID, DemoCustomer> customers) {
        ExpectedLeaderboard expected = new ExpectedLeaderboard();
        boolean cutOff = before.entries().size() >= limit;
        for (Leaderboard.Entry entry : before.entries()) {
            expected.known.put(entry.customerId(),
                    new Standing(entry.customerId(), entry.name(), entry.email(), entry.netSpendMinor()));
        }
        changes.forEach((customerId, change) -> {
            String id = customerId.toString();
            Standing standing = expected.known.get(id);
            DemoCustomer customer = customers.get(customerId);
            String name = customer == null ? null : customer.name();
            String email = customer == null ? null : customer.email();
            if (standing != null) {
                expected.known.put(id, new Standing(id, name == null ? standing.name() : name,
                        email == null ? standing.email() : email, Math.addExact(standing.netSpendMinor(), change)));
            } else if (cutOff) {
                expected.unknown.add(id);
            } else {
                expected.known.put(id, new Standing(id, name, email, change));
            }
        });
        return expected;
    }

    /** The first {@code count} places, when every customer's figure is known. */
    public Optional<List<Standing>> top(int count) {
        if (!unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(known.values().stream().sorted(RANKING).limit(count).toList());
    }

    public Optional<Standing> of(String customerId) {
        return Optional.ofNullable(known.get(customerId));
    }

    /** Customers of the run whose figure before it could not be read (they were below the board's limit). */
    public Set<String> unknown() {
        return Set.copyOf(unknown);
    }
}
