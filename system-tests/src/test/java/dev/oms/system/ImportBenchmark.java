package dev.oms.system;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.oms.events.Topics;
import dev.oms.infra.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 6, the import benchmark. Prints figures; it asserts only that every order of each file was published.
 * <ul>
 *   <li>the two CSV parsers the issue names, parsing the 1M-row file alone (best of three);</li>
 *   <li>import-service at -Xmx256m with the full JIT, a fresh process per file, importing 100K and 1M canonical rows
 *       (about a third as many orders) from its import directory: rows/s from the job, and the process's peak RSS
 *       (VmHWM);</li>
 *   <li>the raw Kafka producer (import-service's settings) sending the same records, for comparison.</li>
 * </ul>
 * Not part of {@code ./oms test} (a benchmark prints figures and asserts no times): run it with
 * {@code ./oms bench import}.
 */
class ImportBenchmark {

    /**
     * Besides -Xmx256m: the serial collector and a small initial heap, as import-service is deployed; without -Xms
     * the JVM would commit all 256 MB at once (1/64 of this machine's memory is more). {@code -Doms.bench.jvm-options}
     * replaces them.
     */
    private static final String BENCHMARK_JVM_OPTIONS =
            System.getProperty("oms.bench.jvm-options", "-XX:+UseSerialGC -Xms64m");
    private static final int[] ROWS = {100_000, 1_000_000};

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void importsAMillionRowsInBoundedMemory() throws Exception {
        Path imports = StandaloneImportService.importDirectory();
        String run = Long.toHexString(System.nanoTime());
        List<Path> files = new ArrayList<>();
        for (int rows : ROWS) {
            files.add(StandaloneImportService.generate(imports.resolve("bench-" + run + "-" + rows + ".csv"), rows,
                    run + "-" + rows));
        }
        Path million = files.get(files.size() - 1);
        System.out.printf(Locale.ROOT, "CSV parsers, %s rows parsed alone (best of 3): FastCSV %s rows/s, Jackson CSV %s rows/s%n",
                count(ROWS[ROWS.length - 1]), count(best(million, ImportBenchmark::fastCsvRows)),
                count(best(million, ImportBenchmark::jacksonCsvRows)));

        try (KafkaBroker broker = KafkaBroker.start(null, 0, 0)) {
            broker.createTopics(Topics.all());
            for (int i = 0; i < ROWS.length; i++) {
                importWithAFreshService(broker, files.get(i), ROWS[i]);
            }
            // What Kafka itself takes: records as the import sent them, as many as the 1M-row import published.
            System.out.println(RawLimits.kafkaProducer(broker.bootstrapServers(), Topics.ORDER_REQUESTS_BULK,
                    (ROWS[ROWS.length - 1] + 2) / 3).describe());
        } finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void importWithAFreshService(KafkaBroker broker, Path file, int rows) throws Exception {
        try (StandaloneImportService service = StandaloneImportService.start(broker, file.getParent(),
                BENCHMARK_JVM_OPTIONS, "ImportBenchmark-" + rows)) {
            long orders = (rows + 2) / 3;
            double cpuBefore = ProcessFigures.cpuSeconds(service.process().pid());
            long start = System.nanoTime();
            Map<String, Object> job = service.awaitEnded(service.importFromPath(file.getFileName().toString()));
            // Wall time from the request to the job seen COMPLETED, so hashing the file before the run is included.
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = ProcessFigures.cpuSeconds(service.process().pid()) - cpuBefore;
            assertEquals("COMPLETED", job.get("status"), String.valueOf(job));
            assertEquals(orders, ((Number) job.get("ordersPublished")).longValue(), String.valueOf(job));
            System.out.printf(Locale.ROOT, "import-service -Xmx256m, %s rows (%s orders, %.0f MB): %.1f s, %s rows/s, "
                            + "%s orders/s published and acknowledged (the job itself reports %s rows/s); %.1f CPU s in "
                            + "import-service; peak RSS %d MB%n",
                    count(rows), count(orders), Files.size(file) / 1e6, seconds, count((long) (rows / seconds)),
                    count((long) (orders / seconds)), count(((Number) job.get("rowsPerSecond")).longValue()), cpu,
                    ProcessFigures.peakRssMegabytes(service.process().pid()));
        }
    }

    private static long best(Path file, ToLongFunction<Path> parse) {
        long best = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long rows = parse.applyAsLong(file);
            best = Math.max(best, (long) (rows / ((System.nanoTime() - start) / 1e9)));
        }
        return best;
    }

    private static long fastCsvRows(Path file) {
        long rows = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                rows += record.getFieldCount() > 0 ? 1 : 0;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows - 1;
    }

    private static long jacksonCsvRows(Path file) {
        long rows = 0;
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> records = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                     .readerFor(String[].class).readValues(text)) {
            while (records.hasNext()) {
                rows += records.next().length > 0 ? 1 : 0;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows - 1;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
