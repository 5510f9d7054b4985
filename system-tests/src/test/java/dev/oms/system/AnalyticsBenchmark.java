package dev.oms.system;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OrderCompleted;
import dev.oms.events.RefundCompleted;
import dev.oms.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.oms.system.Figures.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 8's analytics benchmark; not part of {@code ./oms test}: run it with {@code ./oms bench analytics}
 * ({@code -Doms.bench.jvm-options="-XX:+UseSerialGC -XX:StartFlightRecording=filename=/tmp/analytics.jfr"} to profile
 * the service). Prints
 * figures and writes them to {@code system-tests/target/benchmarks/analytics.json}; it asserts only correctness
 * (every event counted, the rebuild equal to the live numbers, every request answered 200), never times.
 * <ol>
 *   <li>analytics-service alone (full JIT, -Xmx256m) with its broker and Redis; {@code oms.bench.events} (default
 *       200,000) paid orders and refunds of 5,000 customers over the last 30 days published to the topics at once:
 *       how fast live consumption applies them;</li>
 *   <li>a rebuild of all of them: records applied per second;</li>
 *   <li>{@code GET /kpis/daily} and {@code GET /leaderboard?limit=10}: p50/p99 at a fixed 2,000 requests/s with
 *       {@code hey} (20, 10 and 4 workers; the service's health endpoint beside them as the floor), and the maximum
 *       requests/s with {@code wrk}.</li>
 * </ol>
 */
class AnalyticsBenchmark {

    private static final int EVENTS = Integer.getInteger("oms.bench.events", 200_000);
    private static final int CUSTOMERS = 5_000;
    private static final int DAYS = 30;
    private static final int LOAD_SECONDS = Integer.getInteger("oms.bench.load-seconds", 10);
    /** Issue 8's rate for the read latencies. */
    private static final int FIXED_RATE = 2_000;
    private static final int[] WORKERS = {20, 10, 4};

    private static OmsSystem system;
    private static OmsApi api;

    @BeforeAll
    static void startAnalytics() throws Exception {
        system = OmsSystem.start("AnalyticsBenchmark", List.of("analytics-service"), Map.of(),
                System.getProperty("oms.bench.jvm-options", "-XX:+UseSerialGC"));
        api = new OmsApi(system);
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void printsTheFiguresOfLiveConsumptionRebuildAndReads() throws Exception {
        System.out.println("machine: " + Machine.describe());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(DAYS - 1);

        Instant publishStart = Instant.now();
        Published published = publish(firstDay);
        double publishSeconds = seconds(publishStart);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            OmsApi.DailyKpis totals = api.kpiTotals(firstDay, today);
            assertEquals(published.orders(), totals.ordersCompleted(), "orders counted");
            assertEquals(published.refunds(), totals.refundsCompleted(), "refunds counted");
        });
        double liveSeconds = seconds(publishStart);
        OmsApi.DailyKpis totals = api.kpiTotals(firstDay, today);
        assertEquals(published.grossMinor(), totals.grossRevenueMinor());
        assertEquals(published.refundedMinor(), totals.refundedMinor());
        String live = String.format(Locale.ROOT, "live: %s events published in %.1f s; all applied %.1f s after the "
                        + "first was published = %s events/s", count(EVENTS), publishSeconds, liveSeconds,
                count(Math.round(EVENTS / liveSeconds)));
        System.out.println(live);

        String rebuild = AnalyticsRebuild.assertRebuildEqualsLive(api, firstDay);
        System.out.println(rebuild);
        OmsApi.RebuildStatus rebuilt = api.rebuildStatus();

        String daily = system.url("analytics-service") + "/kpis/daily?date=" + today;
        String leaderboard = system.url("analytics-service") + "/leaderboard?limit=10";
        // What this machine gives such a load at best: the service's cheapest endpoint, with nothing of ours behind it.
        String healthLive = system.url("analytics-service") + "/q/health/live";
        String token = OmsApi.staffToken();
        for (String url : List.of(daily, leaderboard, healthLive)) {
            HttpLoad.fixedRate(url, token, 5, 20, FIXED_RATE / 20);
        }
        Map<String, List<HttpLoad.FixedRate>> fixedRates = new LinkedHashMap<>();
        fixedRates.put("floorHealthLive", atFixedRate(healthLive, token));
        fixedRates.put("kpisDaily", atFixedRate(daily, token));
        fixedRates.put("leaderboard", atFixedRate(leaderboard, token));
        HttpLoad.MaxRate dailyMax = HttpLoad.maxRate(daily, token, LOAD_SECONDS, 2, 32);
        HttpLoad.MaxRate leaderboardMax = HttpLoad.maxRate(leaderboard, token, LOAD_SECONDS, 2, 32);
        printFixedRates("floor: GET /q/health/live", fixedRates.get("floorHealthLive"));
        printFixedRates("GET /kpis/daily", fixedRates.get("kpisDaily"));
        printFixedRates("GET /leaderboard?limit=10", fixedRates.get("leaderboard"));
        System.out.println(max("GET /kpis/daily", dailyMax));
        System.out.println(max("GET /leaderboard?limit=10", leaderboardMax));
        long non200 = fixedRates.values().stream().flatMap(List::stream).mapToLong(HttpLoad.FixedRate::non200).sum();
        assertEquals(0, non200 + dailyMax.non2xx() + leaderboardMax.non2xx(), "every request answered 200");

        Path json = OmsSystem.projectRoot().resolve("system-tests/target/benchmarks/analytics.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, String.format(Locale.ROOT, """
                {"machine": "%s", "events": %d, "liveEventsPerSecond": %d, "rebuildRecordsPerSecond": %d,
                 "rebuildRecords": %d, "fixedRate": %d,
                 "floorHealthLive": %s,
                 "kpisDaily": %s, "kpisDailyMaxPerSecond": %.0f,
                 "leaderboard": %s, "leaderboardMaxPerSecond": %.0f}
                """, Machine.describe(), EVENTS, Math.round(EVENTS / liveSeconds), rebuilt.recordsPerSecond(),
                rebuilt.recordsRead(), FIXED_RATE, json(fixedRates.get("floorHealthLive")),
                json(fixedRates.get("kpisDaily")), dailyMax.requestsPerSecond(),
                json(fixedRates.get("leaderboard")), leaderboardMax.requestsPerSecond()));
        System.out.println("figures written to " + json);
    }

    private record Published(long orders, long refunds, long grossMinor, long refundedMinor) {
    }

    /** Paid orders (with a refund of a part of every tenth) at random moments of the days, published at once. */
    private static Published publish(LocalDate firstDay) throws Exception {
        Random random = new Random(EVENTS);
        long start = firstDay.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long span = Duration.ofDays(DAYS).toSeconds() - 3600;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(10_000);
        long orders = 0;
        long refunds = 0;
        long gross = 0;
        long refunded = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            int customer = 0;
            for (int i = 0; i < EVENTS; i++) {
                Instant at = Instant.ofEpochSecond(start + (long) (random.nextDouble() * span));
                long amount = 100 + random.nextInt(100_000);
                String email = "bench-" + (customer++ % CUSTOMERS) + "@example.com";
                CustomerRef buyer = new CustomerRef(Ids.customerId(email), email, "Bench Customer " + customer % CUSTOMERS);
                UUID orderId = UUID.randomUUID();
                EventEnvelope event;
                if (i % 10 == 9) {
                    event = EventEnvelope.of(UUID.randomUUID(), "refund-service", at.plusSeconds(600),
                            new RefundCompleted(UUID.randomUUID(), orderId, buyer.customerId(), new Money(amount / 2, "USD")));
                    refunds++;
                    refunded += amount / 2;
                } else {
                    event = EventEnvelope.of(UUID.randomUUID(), "order-service", at,
                            new OrderCompleted(orderId, buyer, new Money(amount, "USD"), UUID.randomUUID(), at));
                    orders++;
                    gross += amount;
                }
                inFlight.acquire();
                producer.send(new ProducerRecord<>(Topics.topicFor(event.data()), event.key(), EventCodec.encode(event)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                            inFlight.release();
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Published(orders, refunds, gross, refunded);
    }

    /**
     * {@link #FIXED_RATE} requests/s as {@code hey} sends them with each of {@link #WORKERS}: every worker sends on its
     * own ticker and waits for each answer, and the tickers run in step, so 20 workers send bursts of 20 requests at
     * the same instant every 10 ms, 4 workers bursts of 4 every 2 ms. The same rate, ever more evenly spread.
     */
    private static List<HttpLoad.FixedRate> atFixedRate(String url, String token) {
        return Arrays.stream(WORKERS).mapToObj(workers -> HttpLoad.fixedRate(url, token, LOAD_SECONDS, workers,
                FIXED_RATE / workers)).toList();
    }

    private static void printFixedRates(String what, List<HttpLoad.FixedRate> loads) {
        for (HttpLoad.FixedRate load : loads) {
            System.out.printf(Locale.ROOT, "%s at a fixed %,d requests/s (hey, %d workers of %d/s): %.0f/s achieved, "
                            + "p50 %.2f ms, p99 %.2f ms, %s responses%n", what, load.targetPerSecond(), load.workers(),
                    load.targetPerSecond() / load.workers(), load.requestsPerSecond(), load.p50Millis(),
                    load.p99Millis(), count(load.responses()));
        }
    }

    private static String json(List<HttpLoad.FixedRate> loads) {
        return loads.stream().map(load -> String.format(Locale.ROOT,
                        "{\"workers\": %d, \"achieved\": %.0f, \"p50Ms\": %.2f, \"p99Ms\": %.2f}", load.workers(),
                        load.requestsPerSecond(), load.p50Millis(), load.p99Millis()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String max(String what, HttpLoad.MaxRate load) {
        return String.format(Locale.ROOT, "%s flat out (wrk, 2 threads, %d connections): %,.0f requests/s, p99 %.2f ms",
                what, load.connections(), load.requestsPerSecond(), load.p99Millis());
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
