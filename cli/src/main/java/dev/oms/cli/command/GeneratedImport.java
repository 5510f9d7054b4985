package dev.oms.cli.command;

import dev.oms.cli.CliException;
import dev.oms.cli.api.BulkProductsResult;
import dev.oms.cli.api.ImportJob;
import dev.oms.cli.api.OrderStats;
import dev.oms.cli.api.ProductInput;
import dev.oms.cli.catalog.ProductLoader;
import dev.oms.cli.demo.DemoCatalog;
import dev.oms.cli.demo.DemoOrderGenerator;
import dev.oms.cli.demo.GeneratedOrder;
import dev.oms.cli.demo.Settlement;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.http.ServiceClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The steps {@code oms demo} and {@code oms simulate} share: stock the demo catalog, write generated orders to a
 * CSV file, import it, and wait until every imported order has finished its saga.
 */
final class GeneratedImport {

    static final int MAX_ORDERS = 1_000_000;
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SAGA_TIMEOUT = Duration.ofMinutes(5);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final ServiceClient orderService;
    private final ServiceClient importService;
    private final PrintWriter out;

    GeneratedImport(ServiceClient orderService, ServiceClient importService, PrintWriter out) {
        this.orderService = orderService;
        this.importService = importService;
        this.out = out;
    }

    /** The import and what order-service counted just before it, to tell this import's orders from the others. */
    record Imported(ImportJob job, OrderStats before) {

        long newOrders() {
            return job.duplicate() ? 0 : job.ordersPublished();
        }
    }

    /** A run's order id prefix: the timestamp makes every run's orders new, so a second run imports rather than dedupes. */
    static String runPrefix(String kind) {
        return kind + "-" + RUN_ID.format(Instant.now());
    }

    void loadCatalog(int orders) {
        List<ProductInput> products = DemoCatalog.productsStockedFor(orders);
        BulkProductsResult result = new ProductLoader(orderService).load(products);
        out.println("Loaded " + products.size() + " products (" + Cells.count(result.created()) + " created, "
                + Cells.count(result.updated()) + " updated), " + Cells.count(products.get(0).onHand()) + " in stock each");
    }

    static Path createTempFile(String kind) {
        try {
            return Files.createTempFile("oms-" + kind + "-", ".csv");
        } catch (IOException e) {
            throw new CliException("cannot create a temporary file for the " + kind + " orders: " + e.getMessage());
        }
    }

    /** The file is only a vehicle for the upload; failing to delete it must not fail the run. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** Writes the orders to {@code file}, telling {@code written} of each, and returns the number of rows. */
    long generateOrders(Path file, String prefix, int orders, long seed, Consumer<GeneratedOrder> written) {
        long rows;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            rows = new DemoOrderGenerator(DemoCatalog.PRODUCTS, DemoCatalog.CUSTOMERS)
                    .write(writer, prefix, orders, seed, written);
        } catch (IOException e) {
            throw new CliException("cannot write the generated orders to " + file + ": " + e.getMessage());
        }
        out.println("Generated " + Cells.count(orders) + " orders (" + Cells.count(rows) + " rows, seed " + seed
                + ", " + DemoCatalog.CUSTOMERS.size() + " customers) with ids " + prefix + "-000001 and on");
        return rows;
    }

    /** Uploads the file and follows the job to its end, printing its summary. */
    Imported importFile(Path file, long rows) {
        OrderStats before = orderService.get("/orders/stats", OrderStats.class);
        ImportRunner runner = new ImportRunner(importService, out);
        ImportJob job = runner.await(runner.upload(file), rows, IMPORT_TIMEOUT);
        runner.printSummary(job);
        return new Imported(job, before);
    }

    void awaitSettlement(Imported imported) {
        long expected = imported.newOrders();
        long started = System.nanoTime();
        long deadline = started + SAGA_TIMEOUT.toNanos();
        try (ProgressLine progress = ProgressLine.forConsole(out)) {
            while (true) {
                Settlement settlement = new Settlement(imported.before(),
                        orderService.get("/orders/stats", OrderStats.class), expected);
                String counts = Cells.count(settlement.settled()) + " of " + Cells.count(expected) + " orders settled"
                        + byStatus(settlement.settledByStatus());
                if (settlement.isComplete()) {
                    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    progress.finish(ProgressLine.bar(expected, expected) + " " + counts + " in " + seconds + " s");
                    return;
                }
                progress.update(ProgressLine.bar(settlement.settled(), expected) + " " + counts
                        + " (" + Cells.count(settlement.arrived()) + " received)");
                if (System.nanoTime() > deadline) {
                    throw new CliException("the orders did not all finish their saga within " + SAGA_TIMEOUT.toMinutes()
                            + " minutes: " + counts + ", " + Cells.count(settlement.arrived()) + " received by order-service");
                }
                Pause.sleep(ImportRunner.POLL_INTERVAL);
            }
        }
    }

    private static String byStatus(Map<String, Long> settledByStatus) {
        if (settledByStatus.isEmpty()) {
            return "";
        }
        return settledByStatus.entrySet().stream()
                .map(entry -> entry.getKey() + " " + Cells.count(entry.getValue()))
                .collect(Collectors.joining(" · ", ": ", ""));
    }
}
