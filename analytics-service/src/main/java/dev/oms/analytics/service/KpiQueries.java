package dev.oms.analytics.service;

import dev.oms.analytics.domain.DailyKpis;
import dev.oms.analytics.domain.KpiCounter;
import dev.oms.analytics.domain.RankedCustomer;
import io.quarkus.redis.datasource.RedisDataSource;
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
 * query takes all its keys from one generation, so its answer is consistent even while a rebuild switches, and is
 * one round trip to Redis: a day or a range of days one pipeline, a leaderboard one script. Queries are non-blocking,
 * so the HTTP endpoints answer on the event loop without a worker thread per request.
 */
@ApplicationScoped
public class KpiQueries {

    private static final KpiCounter[] COUNTERS = KpiCounter.values();

    private final Redis redis;
    private final LuaScript readLeaderboard;
    private final KeyLayout keys;
    private final Generations generations;

    public KpiQueries(Redis redis, RedisDataSource dataSource, KeyLayout keys, Generations generations) {
        this.redis = redis;
        this.readLeaderboard = new LuaScript(dataSource, "lua/read-leaderboard.lua");
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
            return readLeaderboard.send(new LuaScript.Call(List.of(key),
                    List.of(Integer.toString(limit), keys.customerPrefix())));
        }).map(KpiQueries::rankedCustomers);
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

    /** Four values per entry from {@code read-leaderboard.lua}: customer id, score, name, email. */
    private static List<RankedCustomer> rankedCustomers(Response entries) {
        List<RankedCustomer> ranked = new ArrayList<>(entries.size() / 4);
        for (int i = 0; i < entries.size(); i += 4) {
            ranked.add(new RankedCustomer(ranked.size() + 1, UUID.fromString(entries.get(i).toString()),
                    text(entries.get(i + 2)), text(entries.get(i + 3)),
                    KeyLayout.netSpendOf(Double.parseDouble(entries.get(i + 1).toString()))));
        }
        return ranked;
    }

    private static long counter(Response counters, KpiCounter counter) {
        Response value = counters.get(counter.ordinal());
        return value == null ? 0 : value.toLong();
    }

    private static String text(Response value) {
        return value == null ? null : value.toString();
    }
}
