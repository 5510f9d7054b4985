package dev.oms.system;

import dev.oms.events.Topics;
import dev.oms.infra.KafkaBroker;
import dev.oms.infra.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for a black-box test: an in-JVM KRaft broker, a fresh database per service, a Redis key
 * prefix of its own, and the six packaged services as separate JVM processes on free ports.
 */
final class OmsSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("import-service", "order-service", "payment-service",
            "refund-service", "notification-service", "analytics-service");
    private static final Map<String, String> DATABASES = Map.of(
            "import-service", "oms_imports", "order-service", "oms_orders", "payment-service", "oms_payments",
            "refund-service", "oms_refunds", "notification-service", "oms_notifications");

    private final KafkaBroker broker;
    private final List<String> databases = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private OmsSystem(KafkaBroker broker) {
        this.broker = broker;
    }

    /** Starts everything; {@code overrides} maps a service name to extra system properties. */
    static OmsSystem start(Map<String, Map<String, String>> overrides) throws Exception {
        Path root = Path.of(System.getProperty("oms.project.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("system-tests/target/system"));
        OmsSystem system = new OmsSystem(KafkaBroker.start(Files.createTempDirectory("oms-system-kafka"), 0, 0));
        try {
            system.broker.createTopics(Topics.all());
            String redisPrefix = TestDatabases.redisPrefix();
            for (String name : SERVICES) {
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
                system.services.put(name, ServiceProcess.start(root, name, freePort(), properties, work.resolve("logs")));
            }
            for (ServiceProcess service : system.services.values()) {
                service.awaitReady(Duration.ofSeconds(90));
            }
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        for (String database : databases) {
            TestDatabases.drop(database);
        }
        broker.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
