package dev.oms.system;

import dev.oms.events.Topics;
import dev.oms.infra.KafkaBroker;
import dev.oms.infra.RedisKeys;
import dev.oms.infra.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole system for a black-box test: an in-JVM KRaft broker, a fresh database per service, a Redis key
 * prefix of its own, and the six packaged services as separate JVM processes on free ports, each run from a copy
 * in {@code system-tests/target/system/apps}. Logs go to {@code system-tests/target/system/logs/<test>/<service>.log}.
 */
final class OmsSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("import-service", "order-service", "payment-service",
            "refund-service", "notification-service", "analytics-service");
    /**
     * What an imported order's saga and its KPIs need. Tests of the saga start only these: refund-service and
     * notification-service would consume every order event on the same two cores without being under test there
     * (RefundsIT starts all six).
     */
    static final List<String> SAGA_SERVICES = List.of("import-service", "order-service", "payment-service",
            "analytics-service");
    private static final Map<String, String> DATABASES = Map.of(
            "import-service", "oms_imports", "order-service", "oms_orders", "payment-service", "oms_payments",
            "refund-service", "oms_refunds", "notification-service", "oms_notifications");
    // Where close() deletes the system's keys: the Redis the services use by default, as for OmsTestInfra.
    private static final String REDIS_HOST = TestDatabases.setting("OMS_REDIS_HOST", "127.0.0.1");
    private static final int REDIS_PORT = Integer.parseInt(TestDatabases.setting("OMS_REDIS_PORT", "6379"));
    // Test classes of one JVM share its run id; a prefix per system keeps one test's KPIs and offsets from the next.
    private static final AtomicInteger SYSTEMS_STARTED = new AtomicInteger();
    private static final String CLIENT_ID_SEPARATOR = "_";

    private final KafkaBroker broker;
    private final String redisPrefix;
    private final List<String> databases = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();

    private OmsSystem(KafkaBroker broker, String redisPrefix) {
        this.broker = broker;
        this.redisPrefix = redisPrefix;
    }

    /**
     * Starts all six services; {@code overrides} maps a service name to extra system properties.
     *
     * @param test names the log folder, so each test class keeps its own logs
     */
    static OmsSystem start(String test, Map<String, Map<String, String>> overrides) throws Exception {
        return start(test, SERVICES, overrides, null);
    }

    /** Starts the services of the saga ({@link #SAGA_SERVICES}). */
    static OmsSystem startSaga(String test, Map<String, Map<String, String>> overrides) throws Exception {
        return start(test, SAGA_SERVICES, overrides, null);
    }

    /**
     * Starts only {@code names}, with these JVM options (besides -Xmx256m), or the usual ones when null.
     */
    static OmsSystem start(String test, List<String> names, Map<String, Map<String, String>> overrides,
                           String jvmOptions) throws Exception {
        return start(test, names, overrides, jvmOptions, Map.of());
    }

    /**
     * As above, with {@code replicas} processes of each service it names (one of every other): replicas share their
     * service's database, consumer groups and Redis keys, and differ in port, log ({@code <service>-2.log}, ...) and
     * Kafka client ids ({@code <instance>_kafka-consumer-...}), which tell in a group's assignment which replica
     * holds a partition. The first replica keeps the service's name; {@link #service} returns it.
     */
    static OmsSystem start(String test, List<String> names, Map<String, Map<String, String>> overrides,
                           String jvmOptions, Map<String, Integer> replicas) throws Exception {
        Path root = projectRoot();
        Path work = Files.createDirectories(root.resolve("system-tests/target/system"));
        Instant start = Instant.now();
        String redisPrefix = TestDatabases.redisPrefix() + "system" + SYSTEMS_STARTED.incrementAndGet() + ":";
        OmsSystem system = new OmsSystem(KafkaBroker.start(null, 0, 0), redisPrefix);
        try {
            system.broker.createTopics(Topics.all());
            for (String name : names) {
                Map<String, String> properties = new HashMap<>();
                properties.put("kafka.bootstrap.servers", system.broker.bootstrapServers());
                properties.put("oms.redis.key-prefix", redisPrefix);
                properties.put("oms.imports.directory", work.resolve("imports").toString());
                String database = DATABASES.get(name);
                if (database != null) {
                    String fresh = TestDatabases.createFresh(database);
                    system.databases.add(fresh);
                    properties.put("oms.db.name", fresh);
                }
                properties.putAll(overrides.getOrDefault(name, Map.of()));
                Path apps = work.resolve("apps");
                Path logs = work.resolve("logs").resolve(test);
                int count = replicas.getOrDefault(name, 1);
                for (int replica = 1; replica <= count; replica++) {
                    String instance = replica == 1 ? name : name + "-" + replica;
                    Map<String, String> own = new HashMap<>(properties);
                    if (count > 1) {
                        own.put("mp.messaging.connector.smallrye-kafka.client-id-prefix", instance + CLIENT_ID_SEPARATOR);
                        own.put("quarkus.transaction-manager.node-name", instance);
                        own.put("quarkus.transaction-manager.object-store.directory",
                                work.resolve("narayana").resolve(test).resolve(instance).toString());
                    }
                    system.services.put(instance, ServiceProcess.start(root, name, instance, freePort(), own, apps, logs,
                            jvmOptions == null ? ServiceProcess.defaultJvmOptions() : jvmOptions));
                }
            }
            for (ServiceProcess service : system.services.values()) {
                system.readyAfter.put(service.name(), service.awaitReady(Duration.ofSeconds(90)));
            }
            System.out.printf("%s: %d services (%d processes) ready in %.1fs; logs in %s%n", test, names.size(),
                    system.services.size(),
                    Duration.between(start, Instant.now()).toMillis() / 1000.0, work.resolve("logs").resolve(test));
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    /** The project's root directory ({@code -Doms.project.root}; by default the parent of system-tests). */
    static Path projectRoot() {
        return Path.of(System.getProperty("oms.project.root", "..")).toAbsolutePath().normalize();
    }

    String url(String service) {
        return service(service).baseUrl();
    }

    ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + "; started: " + services.keySet());
        }
        return service;
    }

    /** How long after its launch each service first reported ready (the first start, not a restart). */
    Map<String, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    /** Every process of the system, replicas included. */
    List<ServiceProcess> processes() {
        return List.copyOf(services.values());
    }

    /** The replica of a process whose Kafka client id this is, or the client id itself when it names none. */
    static String instanceOfClient(String clientId) {
        int separator = clientId.indexOf(CLIENT_ID_SEPARATOR);
        return separator < 0 ? clientId : clientId.substring(0, separator);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        // All at once: each service may take seconds to drain its outbox and leave its consumer groups.
        services.values().forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        for (String database : databases) {
            TestDatabases.drop(database);
        }
        RedisKeys.deleteByPrefix(REDIS_HOST, REDIS_PORT, redisPrefix);
        broker.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
