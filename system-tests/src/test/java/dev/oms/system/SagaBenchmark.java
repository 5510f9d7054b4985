package dev.oms.system;

import dev.oms.events.Topics;
import dev.oms.infra.TestDatabases;
import dev.oms.system.OmsApi.OrderStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.oms.system.Figures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 10's end-to-end benchmark; not part of {@code ./oms test}: run it with {@code ./oms bench saga}
 * ({@code -Doms.bench.orders=N}, default 100,000; {@code -Doms.bench.jvm-options=...} replaces the services' JVM
 * options besides -Xmx256m, e.g. to add a JFR recording). Every process is real and has an explicit heap. Prints, with
 * the machine it ran on, and writes to {@code system-tests/target/benchmarks/saga.json}:
 * <ol>
 *   <li>on JDK 25 or later, first a training run for each service's {@link AotCache}, which every start after it uses:
 *       the whole system through an import of {@code oms.bench.aot-training-orders} orders (3,000), or with 0 each
 *       service alone and idle;</li>
 *   <li>startup: each service started alone, the time from its launch to {@code /q/health/ready} and its RSS idle;</li>
 *   <li>bulk: a CSV of {@code oms.bench.orders} orders of 1 to 5 lines through all six services, from the upload until
 *       every order is terminal: orders/s end to end, p50/p99 from accepted to terminal, payment timeouts, the peak
 *       RSS of each service, the CPU time of each process ({@link CpuUse}); then every invariant of the crash test, KPIs equal to the sums of the PAID orders
 *       included;</li>
 *   <li>priority: {@value #PRIORITY_ORDERS} orders through {@code POST /orders}, one every 50 ms, while the bulk import
 *       drains: p50/p99 from the request to the terminal event;</li>
 *   <li>the machine's raw limits in the same run: Kafka producer records/s, MariaDB batched inserts/s, Redis ops/s.</li>
 * </ol>
 * It asserts correctness only (the invariants, no payment timed out), never a time.
 * <p>
 * The scale-out scenario ({@code ./oms bench scale}, {@code -Doms.bench.replicas=2}) runs bulk and priority with that
 * many processes of each of {@link #SCALED}, skips the startup figures (they are per process), prints and asserts which
 * replica holds which partitions, and writes {@code scale.json}.
 */
class SagaBenchmark {

    private static final int ORDERS = Integer.getInteger("oms.bench.orders", 100_000);
    private static final int REPLICAS = Integer.getInteger("oms.bench.replicas", 1);
    private static final List<String> SCALED = List.of("order-service", "payment-service", "analytics-service");
    private static final int PRIORITY_ORDERS = 200;
    private static final Duration PRIORITY_SPACING = Duration.ofMillis(50);
    private static final int MAX_LINES = 5;
    // A small initial heap, as the services are deployed (the JVM's default there is 1/64 of the pod's memory): an idle
    // service holds about 30 MB live, so more would only be committed and unused; the heap grows to -Xmx under load.
    private static final String JVM_OPTIONS = System.getProperty("oms.bench.jvm-options", "-XX:+UseSerialGC -Xms32m");
    private static final Duration IDLE_BEFORE_RSS = Duration.ofSeconds(10);
    // The AOT caches' training: the whole system through an import of this many orders (their profiles are the hot
    // paths'), or with 0 each service alone and idle (a smaller cache, so a smaller idle RSS; no help once running).
    private static final int AOT_TRAINING_ORDERS = Integer.getInteger("oms.bench.aot-training-orders", 3_000);
    private static final Path JSON = OmsSystem.projectRoot()
            .resolve("system-tests/target/benchmarks/" + (REPLICAS > 1 ? "scale.json" : "saga.json"));

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS)
    void printsTheFiguresOfStartupBulkPriorityAndTheRawLimits() throws Exception {
        String machine = Machine.describe();
        System.out.println("machine: " + machine);
        List<String> json = new ArrayList<>();
        if (AotCache.supported() && AOT_TRAINING_ORDERS > 0) {
            AotCache.trainUnderLoad(JVM_OPTIONS, SagaBenchmark::trainingImport);
        } else if (AotCache.supported()) {
            AotCache.trainIdle(OmsSystem.SERVICES, JVM_OPTIONS);
        }
        json.add(String.format(Locale.ROOT, "\"machine\": \"%s\", \"orders\": %d, \"replicas\": %d, "
                + "\"aotCache\": %b, \"aotTrainingOrders\": %d, \"jvmOptions\": \"-Xmx256m %s\"", machine, ORDERS,
                REPLICAS, AotCache.supported(), AOT_TRAINING_ORDERS, JVM_OPTIONS));
        if (REPLICAS == 1) {
            json.add(startup());
        }
        Map<String, Integer> replicas = SCALED.stream().collect(Collectors.toMap(name -> name, name -> REPLICAS));
        try (OmsSystem system = OmsSystem.start(REPLICAS > 1 ? "SagaBenchmark-scale" : "SagaBenchmark",
                OmsSystem.SERVICES, Map.of(), JVM_OPTIONS, replicas)) {
            json.add(bulkAndPriority(system, new OmsApi(system)));
            if (REPLICAS > 1) {
                json.add(partitionSplit(system));
            }
            json.add(rawLimits(system.bootstrapServers()));
        }
        Files.createDirectories(JSON.getParent());
        Files.writeString(JSON, "{" + String.join(",\n ", json) + "}\n");
        System.out.println("figures written to " + JSON);
    }

    /** Each service alone beside a broker of its own: ready after launch, and RSS after some idle seconds. */
    private static String startup() throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String name : OmsSystem.SERVICES) {
            try (OmsSystem alone = OmsSystem.start("SagaBenchmark-startup", List.of(name), Map.of(), JVM_OPTIONS)) {
                Duration ready = alone.readyAfter().get(name);
                Thread.sleep(IDLE_BEFORE_RSS.toMillis());
                long rss = ProcessFigures.rssMegabytes(alone.service(name).pid());
                System.out.printf(Locale.ROOT, "startup: %s alone ready %.2f s after its launch; RSS %d MB after %d s idle%n",
                        name, ready.toMillis() / 1000.0, rss, IDLE_BEFORE_RSS.toSeconds());
                figures.put(name, String.format(Locale.ROOT, "{\"readySeconds\": %.2f, \"idleRssMb\": %d}",
                        ready.toMillis() / 1000.0, rss));
            }
        }
        return "\"startup\": {" + figures.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ")) + "}";
    }

    private static void trainingImport(OmsSystem system) throws Exception {
        OmsApi api = new OmsApi(system);
        String runId = "aot" + Long.toString(System.currentTimeMillis(), 36);
        GeneratedImport bulk = GeneratedImport.of(AOT_TRAINING_ORDERS, 20261122L, runId,
                Math.max(AOT_TRAINING_ORDERS / 12, 100), MAX_LINES);
        api.upsertProducts(bulk.catalog());
        OrderProgress progress = new OrderProgress(api, AOT_TRAINING_ORDERS + 20, Instant.now());
        api.importCsv("aot-" + runId + ".csv", bulk.csv());
        InteractiveOrders.placeSpaced(api, runId, bulk.plentifulProducts(), 20, PRIORITY_SPACING);
        progress.awaitQuiet(Duration.ofMinutes(10));
    }

    private static String bulkAndPriority(OmsSystem system, OmsApi api) throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        // Each SKU is in about a quarter of the orders' units: the scarce ones run out about a third of the way in.
        GeneratedImport bulk = GeneratedImport.of(ORDERS, 20261203L, runId, Math.max(ORDERS / 12, 100), MAX_LINES);
        api.upsertProducts(bulk.catalog());
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);
        try (TerminalEventClock clock = TerminalEventClock.startAtEnd(system.bootstrapServers());
             ConsumerLag ignored = ConsumerLag.printEvery15Seconds(api)) {
            OrderProgress progress = new OrderProgress(api, ORDERS + PRIORITY_ORDERS, Instant.now());
            CpuUse cpu = CpuUse.start(system.processes());
            long uploadedAt = System.currentTimeMillis();
            api.importCsv("bench-" + runId + ".csv", bulk.csv());
            OrderStats draining = progress.await("the bulk import draining", Duration.ofMinutes(10),
                    stats -> stats.settled() >= Math.max(ORDERS / 100, 1));
            System.out.printf("priority: placing %d orders, one every %d ms, with %s of %s bulk orders unsettled%n",
                    PRIORITY_ORDERS, PRIORITY_SPACING.toMillis(), count(ORDERS - draining.settled()), count(ORDERS));
            Map<UUID, InteractiveOrders.Placed> priority = InteractiveOrders.placeSpaced(api, runId,
                    bulk.plentifulProducts(), PRIORITY_ORDERS, PRIORITY_SPACING);
            OrderStats settled = progress.awaitQuiet(Duration.ofMinutes(Math.max(10, ORDERS / 1_000)));
            String cpuUsed = cpu.describe(ORDERS + PRIORITY_ORDERS);
            String cpuJson = cpu.json();

            List<Long> bulkLatencies = new ArrayList<>();
            long lastTerminal = uploadedAt;
            for (UUID orderId : bulk.orders().keySet()) {
                Optional<Long> terminal = clock.terminalAt(orderId);
                Optional<Long> accepted = clock.acceptedAt(orderId);
                if (terminal.isPresent() && accepted.isPresent()) {
                    bulkLatencies.add(terminal.get() - accepted.get());
                    lastTerminal = Math.max(lastTerminal, terminal.get());
                }
            }
            List<Long> priorityLatencies = priority.entrySet().stream()
                    .flatMap(placed -> clock.terminalAt(placed.getKey()).map(at -> at - placed.getValue().sentAtMillis()).stream())
                    .toList();
            double seconds = (lastTerminal - uploadedAt) / 1000.0;
            long timeouts = api.orders("FAILED").stream().filter(order -> "PAYMENT_TIMEOUT".equals(order.reason())).count();
            Map<String, Long> peakRss = new LinkedHashMap<>();
            for (ServiceProcess process : system.processes()) {
                peakRss.put(process.name(), ProcessFigures.peakRssMegabytes(process.pid()));
            }
            Latencies bulkSummary = Latencies.of(bulkLatencies);
            Latencies prioritySummary = Latencies.of(priorityLatencies);
            System.out.printf(Locale.ROOT, "bulk: %s orders (%s rows) from the upload to the last terminal event in %.1f s "
                            + "= %s orders/s; accepted -> terminal %s; payment timeouts %d; %s%n", count(ORDERS),
                    count(bulk.csv().lines().count() - 1), seconds, count(Math.round(ORDERS / seconds)),
                    bulkSummary.summary(), timeouts, progress.describe(settled));
            System.out.printf("priority: request -> terminal event of %d orders: %s%n", PRIORITY_ORDERS,
                    prioritySummary.summary());
            System.out.println("peak RSS (MB): " + peakRss);
            System.out.println("CPU from the upload until quiet: " + cpuUsed);

            GeneratedImport expected = bulk.plus(priority.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, placed -> placed.getValue().expected())));
            new SettledImportInvariants(system, api, expected).assertAllHold(settled, firstDay);
            assertEquals(0, timeouts, "payments timed out");
            assertEquals(ORDERS, bulkLatencies.size(), "bulk orders seen accepted and terminal on " + Topics.ORDER_EVENTS);

            return String.format(Locale.ROOT, """
                    "bulk": {"orders": %d, "seconds": %.1f, "ordersPerSecond": %d, "p50Ms": %d, "p99Ms": %d, \
                    "paymentTimeouts": %d, "paid": %d, "failed": %d, "rejected": %d, "peakRssMb": {%s}, "cpuSeconds": {%s}},
                     "priority": {"orders": %d, "spacingMs": %d, "p50Ms": %d, "p99Ms": %d, "maxMs": %d}""",
                    ORDERS, seconds, Math.round(ORDERS / seconds), bulkSummary.percentile(50), bulkSummary.percentile(99),
                    timeouts, settled.count("PAID"), settled.count("FAILED"), settled.count("REJECTED"),
                    peakRss.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                            .collect(Collectors.joining(", ")), cpuJson,
                    PRIORITY_ORDERS, PRIORITY_SPACING.toMillis(), prioritySummary.percentile(50),
                    prioritySummary.percentile(99), prioritySummary.percentile(100));
        }
    }

    /** Each replica of a scaled service must hold some partitions of every topic its group reads, each partition once. */
    private static String partitionSplit(OmsSystem system) throws Exception {
        PartitionSplit split = PartitionSplit.of(system.bootstrapServers(), SCALED);
        System.out.println("partitions by replica:\n" + split.describe());
        Map<String, Integer> partitions = Topics.all().stream()
                .collect(Collectors.toMap(Topics.TopicSpec::name, Topics.TopicSpec::partitions));
        assertEquals(Map.of(), split.unsplit(REPLICAS, partitions), "groups whose partitions are not split between all replicas");
        return "\"partitions\": " + split.json();
    }

    private static String rawLimits(String bootstrapServers) throws Exception {
        RawLimits.ProducerRate kafka = RawLimits.kafkaProducer(bootstrapServers, Topics.ORDER_REQUESTS_BULK, 300_000);
        long mariadb = RawLimits.mariadbBatchedInserts(200_000);
        List<String> redis = RawLimits.redis(TestDatabases.setting("OMS_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(TestDatabases.setting("OMS_REDIS_PORT", "6379")), 200_000);
        System.out.println("raw limits: " + kafka.describe());
        System.out.printf("raw limits: MariaDB batched inserts (JDBC batches of 1,000, one commit each, 600-byte rows) "
                + "%s rows/s%n", count(mariadb));
        System.out.println("raw limits: Redis (redis-benchmark) " + (redis.isEmpty() ? "not measured: redis-benchmark "
                + "is not installed" : String.join(", ", redis)));
        return String.format(Locale.ROOT, "\"rawLimits\": {\"kafkaProducerRecordsPerSecond\": %d, "
                        + "\"mariadbBatchedInsertsPerSecond\": %d, \"redis\": [%s]}", kafka.perSecond(), mariadb,
                redis.stream().map(rate -> "\"" + rate + "\"").collect(Collectors.joining(", ")));
    }
}
