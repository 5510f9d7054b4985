package dev.oms.cli.simulation;

import dev.oms.cli.api.Leaderboard;
import dev.oms.cli.demo.DemoCustomer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderboardComparisonTest {

    private static final UUID A = UUID.fromString("0a000000-0000-5000-8000-000000000000");
    private static final UUID B = UUID.fromString("0b000000-0000-5000-8000-000000000000");
    private static final UUID C = UUID.fromString("0c000000-0000-5000-8000-000000000000");
    // Above 7fff…: a signed UUID comparison would put it first, the text order puts it last.
    private static final UUID F = UUID.fromString("f0000000-0000-5000-8000-000000000000");
    private static final Map<UUID, DemoCustomer> CUSTOMERS = Map.of(
            A, new DemoCustomer("a@x.example", "A"), B, new DemoCustomer("b@x.example", "B"),
            C, new DemoCustomer("c@x.example", "C"), F, new DemoCustomer("f@x.example", "F"));

    @Test
    void theExpectedBoardIsTheOneBeforeWithTheRunsChangesRankedBySpendThenCustomerIdText() {
        Leaderboard before = board(entry(B, 5_000), entry(F, 1_000));
        ExpectedLeaderboard expected = ExpectedLeaderboard.of(before, 100,
                Map.of(A, 3_000L, F, 2_000L, C, 0L, B, -2_000L), CUSTOMERS);

        assertEquals(List.of(standing(A, 3_000), standing(B, 3_000), standing(F, 3_000), standing(C, 0)),
                expected.top(10).orElseThrow());
        assertEquals(List.of(standing(A, 3_000), standing(B, 3_000)), expected.top(2).orElseThrow());
        assertTrue(expected.unknown().isEmpty());
    }

    @Test
    void aCustomerMissingFromABoardCutOffAtItsLimitHasAnUnknownFigureAndTheTopIsNotExpected() {
        ExpectedLeaderboard expected = ExpectedLeaderboard.of(board(entry(B, 5_000), entry(C, 4_000)), 2,
                Map.of(A, 100L, B, 1L), CUSTOMERS);

        assertEquals(Set.of(A.toString()), expected.unknown());
        assertTrue(expected.top(10).isEmpty());
        assertEquals(5_001, expected.of(B.toString()).orElseThrow().netSpendMinor());
        assertTrue(expected.of(A.toString()).isEmpty());
    }

    @Test
    void agreesWhenAnalyticsShowsTheExpectedBoard() {
        ExpectedLeaderboard expected = ExpectedLeaderboard.of(board(entry(B, 5_000)), 100, Map.of(A, 7_000L), CUSTOMERS);

        LeaderboardComparison comparison = new LeaderboardComparison(expected, Set.of(A.toString()),
                board(entry(A, 7_000), entry(B, 5_000)), 100, 10);

        assertTrue(comparison.ok());
        assertEquals(2, comparison.places().size());
        assertEquals(1, comparison.customers().size());
    }

    @Test
    void aWrongFigureOrAMissingCustomerOrAnotherOrderIsADifference() {
        ExpectedLeaderboard expected = ExpectedLeaderboard.of(board(entry(B, 5_000)), 100,
                Map.of(A, 7_000L, C, 1_000L), CUSTOMERS);
        Set<String> run = Set.of(A.toString(), C.toString());

        LeaderboardComparison wrongFigure = new LeaderboardComparison(expected, run,
                board(entry(A, 6_999), entry(B, 5_000), entry(C, 1_000)), 100, 10);
        LeaderboardComparison missing = new LeaderboardComparison(expected, run,
                board(entry(A, 7_000), entry(B, 5_000)), 100, 10);
        LeaderboardComparison swapped = new LeaderboardComparison(expected, run,
                board(entry(B, 5_000), entry(A, 7_000), entry(C, 1_000)), 100, 10);

        assertFalse(wrongFigure.ok());
        assertFalse(wrongFigure.places().get(0).ok());
        assertFalse(missing.ok());
        assertEquals(null, missing.places().get(2).actual());
        assertFalse(swapped.ok());
        assertTrue(swapped.customers().stream().allMatch(LeaderboardComparison.CustomerCheck::ok),
                "the figures are right, only the order is not");
        List<String> differences = new AnalyticsComparison(Map.of(), missing, Map.of()).differences("USD");
        assertEquals(List.of("leaderboard (all time) rank 3: expected c@x.example $10.00, analytics nobody",
                "leaderboard (all time) c@x.example: expected net spend $10.00, analytics does not list the customer"),
                differences);
    }

    @Test
    void aCustomerRightlyBelowTheLastPlaceReadIsNotComparable() {
        ExpectedLeaderboard expected = ExpectedLeaderboard.of(board(), 100, Map.of(A, 10L, B, 5_000L), CUSTOMERS);

        LeaderboardComparison comparison = new LeaderboardComparison(expected, Set.of(A.toString(), B.toString()),
                board(entry(B, 5_000)), 1, 1);

        assertTrue(comparison.ok());
        assertEquals(Set.of(A.toString()), comparison.unchecked());
        assertEquals(1, comparison.customers().size());
    }

    private static Leaderboard board(Leaderboard.Entry... entries) {
        List<Leaderboard.Entry> ranked = new ArrayList<>();
        for (Leaderboard.Entry entry : entries) {
            ranked.add(new Leaderboard.Entry(ranked.size() + 1, entry.customerId(), entry.name(), entry.email(),
                    entry.netSpendMinor()));
        }
        return new Leaderboard("all", ranked);
    }

    private static Leaderboard.Entry entry(UUID customer, long netSpendMinor) {
        DemoCustomer known = CUSTOMERS.get(customer);
        return new Leaderboard.Entry(0, customer.toString(), known.name(), known.email(), netSpendMinor);
    }

    private static Standing standing(UUID customer, long netSpendMinor) {
        DemoCustomer known = CUSTOMERS.get(customer);
        return new Standing(customer.toString(), known.name(), known.email(), netSpendMinor);
    }
}
