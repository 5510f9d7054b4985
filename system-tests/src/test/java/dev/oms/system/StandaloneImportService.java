package dev.oms.system;

import dev.oms.infra.KafkaBroker;
import dev.oms.infra.TestDatabases;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * import-service alone, on a broker of the test, with a fresh database and an import directory: for the tests of
 * the import itself (its speed, memory and crash recovery), where no other service needs to consume the orders.
 */
final class StandaloneImportService implements AutoCloseable {

    private final ServiceProcess service;
    private final String database;
    private final HttpClient http = HttpClient.newHttpClient();

    private StandaloneImportService(ServiceProcess service, String database) {
        this.service = service;
        this.database = database;
    }

    /** {@code jvmOptions} besides -Xmx256m; {@code logName} names the log folder under target/system/logs. */
    static StandaloneImportService start(KafkaBroker broker, Path importDirectory, String jvmOptions, String logName)
            throws Exception {
        Path root = OmsSystem.projectRoot();
        Path work = root.resolve("system-tests/target/system");
        String database = TestDatabases.createFresh("oms_imports");
        ServiceProcess service = ServiceProcess.start(root, "import-service", OmsSystem.freePort(), Map.of(
                        "kafka.bootstrap.servers", broker.bootstrapServers(),
                        "oms.db.name", database,
                        "oms.imports.directory", importDirectory.toString()),
                work.resolve("apps"), work.resolve("logs").resolve(logName), jvmOptions);
        service.awaitReady(Duration.ofSeconds(90));
        return new StandaloneImportService(service, database);
    }

    /** The directory the standalone services import from, created if need be. */
    static Path importDirectory() throws IOException {
        Path root = OmsSystem.projectRoot();
        return Files.createDirectories(root.resolve("system-tests/target/system/standalone-imports"));
    }

    /**
     * Writes {@code rows} canonical rows, three per order ({@code (rows + 2) / 3} orders, all valid), with order ids
     * {@code B-<run>-<n>}.
     */
    static Path generate(Path file, int rows, String run) throws IOException {
        Random random = new Random(20261203L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order_id,customer_email,customer_name,sku,product_name,quantity,unit_price,currency,ordered_at\n");
            for (int row = 0; row < rows; row++) {
                int order = row / 3;
                int customer = order % 5_000;
                int product = random.nextInt(200);
                out.write("B-" + run + "-" + order + ",customer" + customer + "@example.com,\"Customer " + customer
                        + ", Jr.\",SKU-" + product + ",Product " + product + "," + (1 + random.nextInt(4)) + ","
                        + (1 + random.nextInt(300)) + "." + (10 + random.nextInt(90)) + ",USD,2026-12-0"
                        + (1 + order % 3) + "T" + String.format("%02d:%02d:%02d", order / 3600 % 24, order / 60 % 60,
                        order % 60) + "Z\n");
            }
        }
        return file;
    }

    /** Imports a file of the import directory; returns the job id. */
    String importFromPath(String path) throws Exception {
        HttpResponse<String> submitted = http.send(request("/imports/from-path")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"" + path + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, submitted.statusCode(), submitted.body());
        return (String) OmsApi.parse(submitted.body()).get("importId");
    }

    Map<String, Object> job(String id) throws Exception {
        HttpResponse<String> job = http.send(request("/imports/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, job.statusCode(), job.body());
        return OmsApi.parse(job.body());
    }

    /** Polls the job until it is no longer PENDING or RUNNING. */
    Map<String, Object> awaitEnded(String id) throws Exception {
        while (true) {
            Map<String, Object> state = job(id);
            if (!"PENDING".equals(state.get("status")) && !"RUNNING".equals(state.get("status"))) {
                return state;
            }
            Thread.sleep(50);
        }
    }

    ServiceProcess process() {
        return service;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + OmsApi.staffToken());
    }

    @Override
    public void close() throws Exception {
        service.requestStop();
        service.close();
        TestDatabases.drop(database);
    }
}
