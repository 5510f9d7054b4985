package dev.oms.system;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.oms.events.Topics;
import dev.oms.infra.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
            rawProducer(broker.bootstrapServers());
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
            double cpuBefore = cpuSeconds(service.process().pid());
            long start = System.nanoTime();
            Map<String, Object> job = service.awaitEnded(service.importFromPath(file.getFileName().toString()));
            // Wall time from the request to the job seen COMPLETED, so hashing the file before the run is included.
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = cpuSeconds(service.process().pid()) - cpuBefore;
            assertEquals("COMPLETED", job.get("status"), String.valueOf(job));
            assertEquals(orders, ((Number) job.get("ordersPublished")).longValue(), String.valueOf(job));
            System.out.printf(Locale.ROOT, "import-service -Xmx256m, %s rows (%s orders, %.0f MB): %.1f s, %s rows/s, "
                            + "%s orders/s published and acknowledged (the job itself reports %s rows/s); %.1f CPU s in "
                            + "import-service; peak RSS %d MB%n",
                    count(rows), count(orders), Files.size(file) / 1e6, seconds, count((long) (rows / seconds)),
                    count((long) (orders / seconds)), count(((Number) job.get("rowsPerSecond")).longValue()), cpu,
                    peakRssMegabytes(service.process().pid()));
        }
    }

    /**
     * What Kafka itself takes on this machine: records as the import sent them (its first 10,000, round robin),
     * as many as the 1M-row import published, through a producer configured as import-service's.
     */
    private static void rawProducer(String bootstrapServers) throws Exception {
        List<ConsumerRecord<String, byte[]>> samples = sample(bootstrapServers, 10_000);
        long count = (ROWS[ROWS.length - 1] + 2) / 3;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy");
        AtomicReference<Exception> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(10_000);
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                ConsumerRecord<String, byte[]> sample = samples.get((int) (i % samples.size()));
                bytes += sample.value().length;
                inFlight.acquire();
                producer.send(new ProducerRecord<>("bench.raw-producer", sample.key(), sample.value()), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    inFlight.release();
                });
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        System.out.printf(Locale.ROOT, "raw Kafka producer (acks=all, idempotent, linger 5 ms, 64 KiB batches, snappy), %s records "
                        + "of %d bytes on average: %.1f s, %s records/s%n",
                count(count), bytes / count, seconds, count((long) (count / seconds)));
    }

    private static List<ConsumerRecord<String, byte[]>> sample(String bootstrapServers, int size) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_REQUESTS_BULK).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (records.size() < size) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
            return records;
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

    /** User + system CPU time the process has used (/proc/PID/stat, in clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long peakRssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
