package dev.oms.analytics.service;

import dev.oms.analytics.domain.DailyKpis;
import dev.oms.analytics.domain.KpiCounter;
import dev.oms.analytics.domain.RankedCustomer;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the KPIs and leaderboards of the current generation by key name (see {@link KeyLayout}); never scans. Each
 * query takes all its keys from one generation, so its answer is consistent even while a rebuild switches, and sends
 * its commands as one pipeline: a day or a range of days is one round trip to Redis, a leaderboard two. Queries are
 * non-blocking, so the HTTP endpoints answer on the event loop without a worker thread per request.
 */
@ApplicationScoped
public class KpiQueries {

    private static final KpiCounter[] COUNTERS = KpiCounter.values();

    private final Redis redis;
    private final ReactiveSortedSetCommands<String, String> sortedSets;
    private final KeyLayout keys;
    private final Generations generations;

    public KpiQueries(Redis redis, ReactiveRedisDataSource dataSource, KeyLayout keys, Generations generations) {
        this.redis = redis;
        this.sortedSets = dataSource.sortedSet(String.class);
        this.keys = keys;
        this.generations = generations;
    }

    public Uni<DailyKpis> daily(LocalDate day) {
        return days(day, day).map(days -> days.get(0));
    }

    /** Every day from {@code first} to {@code last}, both included, oldest first. */
    public Uni<List<DailyKpis>> days(LocalDate first, LocalDate last) {
        return generations.forReading().chain(generation -> redis.batch(dayReads(generation, first, last)))
                .map(KpiQueries::dailyKpis);
    }

    /**
     * The {@code limit} biggest net spenders of {@code day}, or of all time when empty; equal spend is ordered by
     * ascending customer id (the UUID's canonical lower-case text).
     */
    public Uni<List<RankedCustomer>> leaderboard(Optional<LocalDate> day, int limit) {
        return generations.forReading().chain(generation -> {
            String key = day.map(generation::leaderboardOfDay).orElseGet(generation::leaderboardAllTime);
            return sortedSets.zrangeWithScores(key, 0, limit - 1L);
        }).chain(this::withProfiles);
    }

    private static List<Request> dayReads(GenerationKeys generation, LocalDate first, LocalDate last) {
        List<Request> reads = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Request read = Request.cmd(Command.HMGET).arg(generation.dayKpis(day));
            for (KpiCounter counter : COUNTERS) {
                read.arg(counter.field());
            }
            reads.add(read);
        }
        return reads;
    }

    private static List<DailyKpis> dailyKpis(List<Response> answers) {
        List<DailyKpis> days = new ArrayList<>(answers.size());
        for (Response counters : answers) {
            days.add(new DailyKpis(
                    counter(counters, KpiCounter.ORDERS_COMPLETED),
                    counter(counters, KpiCounter.ORDERS_FAILED),
                    counter(counters, KpiCounter.ORDERS_CANCELLED),
                    counter(counters, KpiCounter.GROSS_REVENUE_MINOR),
                    counter(counters, KpiCounter.REFUNDED_MINOR),
                    counter(counters, KpiCounter.REFUNDS_COMPLETED)));
        }
        return days;
    }

    /** The ranked customers, with their names and emails. */
    private Uni<List<RankedCustomer>> withProfiles(List<ScoredValue<String>> top) {
        List<UUID> customers = new ArrayList<>(top.size());
        List<Long> spend = new ArrayList<>(top.size());
        List<Request> profiles = new ArrayList<>(top.size());
        for (ScoredValue<String> entry : top) {
            UUID customerId = UUID.fromString(entry.value());
            customers.add(customerId);
            spend.add(KeyLayout.netSpendOf(entry.score()));
            profiles.add(Request.cmd(Command.HMGET).arg(keys.customer(customerId)).arg("name").arg("email"));
        }
        if (profiles.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return redis.batch(profiles).map(names -> {
            List<RankedCustomer> ranked = new ArrayList<>(customers.size());
            for (int i = 0; i < customers.size(); i++) {
                Response profile = names.get(i);
                ranked.add(new RankedCustomer(i + 1, customers.get(i), text(profile.get(0)), text(profile.get(1)),
                        spend.get(i)));
            }
            return ranked;
        });
    }

    private static long counter(Response counters, KpiCounter counter) {
        Response value = counters.get(counter.ordinal());
        return value == null ? 0 : value.toLong();
    }

    private static String text(Response value) {
        return value == null ? null : value.toString();
    }
}
