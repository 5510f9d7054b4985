package dev.oms.analytics.service;

import dev.oms.analytics.domain.DailyKpis;
import dev.oms.analytics.domain.KpiCounter;
import dev.oms.analytics.domain.RankedCustomer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the KPIs and leaderboards of the current generation by key name (see {@link KeyLayout}); never scans. Each
 * query reads the generation once, so its answer comes from one generation even while a rebuild switches.
 */
@ApplicationScoped
public class KpiQueries {

    private final HashCommands<String, String, String> hashes;
    private final SortedSetCommands<String, String> sortedSets;
    private final KeyLayout keys;
    private final Generations generations;

    public KpiQueries(RedisDataSource redis, KeyLayout keys, Generations generations) {
        this.hashes = redis.hash(String.class);
        this.sortedSets = redis.sortedSet(String.class);
        this.keys = keys;
        this.generations = generations;
    }

    public DailyKpis daily(LocalDate day) {
        return daily(generations.currentKeys(), day);
    }

    /** Every day from {@code first} to {@code last}, both included, oldest first. */
    public List<DailyKpis> days(LocalDate first, LocalDate last) {
        GenerationKeys generation = generations.currentKeys();
        List<DailyKpis> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(daily(generation, day));
        }
        return days;
    }

    private DailyKpis daily(GenerationKeys generation, LocalDate day) {
        Map<String, String> counters = hashes.hgetall(generation.dayKpis(day));
        return new DailyKpis(
                counter(counters, KpiCounter.ORDERS_COMPLETED),
                counter(counters, KpiCounter.ORDERS_FAILED),
                counter(counters, KpiCounter.ORDERS_CANCELLED),
                counter(counters, KpiCounter.GROSS_REVENUE_MINOR),
                counter(counters, KpiCounter.REFUNDED_MINOR),
                counter(counters, KpiCounter.REFUNDS_COMPLETED));
    }

    /**
     * The {@code limit} biggest net spenders of {@code day}, or of all time when empty; equal spend is ordered by
     * ascending customer id (the UUID's canonical lower-case text).
     */
    public List<RankedCustomer> leaderboard(Optional<LocalDate> day, int limit) {
        GenerationKeys generation = generations.currentKeys();
        String key = day.map(generation::leaderboardOfDay).orElseGet(generation::leaderboardAllTime);
        List<ScoredValue<String>> top = sortedSets.zrangeWithScores(key, 0, limit - 1L);
        List<RankedCustomer> ranked = new ArrayList<>(top.size());
        for (ScoredValue<String> entry : top) {
            UUID customerId = UUID.fromString(entry.value());
            Map<String, String> profile = hashes.hmget(keys.customer(customerId), "name", "email");
            ranked.add(new RankedCustomer(ranked.size() + 1, customerId, profile.get("name"), profile.get("email"),
                    KeyLayout.netSpendOf(entry.score())));
        }
        return ranked;
    }

    private static long counter(Map<String, String> counters, KpiCounter counter) {
        String value = counters.get(counter.field());
        return value == null ? 0 : Long.parseLong(value);
    }
}
