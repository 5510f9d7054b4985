package dev.oms.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * When to kill which service, derived from a seed so a failing run can be replayed. Kills are placed by progress
 * (how many orders have settled), not by wall-clock time, so every kill lands while orders are being processed,
 * however fast or slow the machine is: one kill in each equal slice of the processing period, at a random point
 * of its slice, the victims in random order.
 */
final class KillSchedule {

    /**
     * Kills happen while this share of the orders has settled; before and after it, the run is warming up or ending.
     * The batched saga settles much of the rest while a victim is down and restarting, so the window ends early
     * enough for the last kills to find orders still in the saga.
     */
    private static final double FIRST = 0.03;
    private static final double LAST = 0.6;
    private static final int MIN_DOWN_MILLIS = 300;
    private static final int MAX_DOWN_MILLIS = 4_000;

    /** Kill {@code service} once {@code atSettled} orders have settled; start it again {@code downFor} later. */
    record PlannedKill(String service, long atSettled, Duration downFor) {
    }

    private KillSchedule() {
    }

    static List<PlannedKill> plan(long seed, List<String> services, int killsPerService, int orders) {
        Random random = new Random(seed);
        List<String> victims = new ArrayList<>();
        for (String service : services) {
            victims.addAll(Collections.nCopies(killsPerService, service));
        }
        Collections.shuffle(victims, random);
        double slice = (LAST - FIRST) / victims.size();
        List<PlannedKill> plan = new ArrayList<>();
        for (int i = 0; i < victims.size(); i++) {
            long atSettled = Math.round(orders * (FIRST + slice * (i + random.nextDouble())));
            Duration downFor = Duration.ofMillis(MIN_DOWN_MILLIS + random.nextInt(MAX_DOWN_MILLIS - MIN_DOWN_MILLIS));
            plan.add(new PlannedKill(victims.get(i), atSettled, downFor));
        }
        return plan;
    }
}
