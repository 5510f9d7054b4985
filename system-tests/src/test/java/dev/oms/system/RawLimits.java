package dev.oms.system;

import dev.oms.infra.TestDatabases;
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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this machine's Kafka, MariaDB and Redis take at most, measured with their own clients and no OMS code in the
 * way, so a benchmark's figures can be read as a fraction of them.
 */
final class RawLimits {

    private RawLimits() {
    }

    /** A producer's throughput: records sent and acknowledged per second, and their mean size. */
    record ProducerRate(long records, long meanBytes, double seconds) {

        long perSecond() {
            return Math.round(records / seconds);
        }

        String describe() {
            return String.format(Locale.ROOT, "raw Kafka producer (acks=all, idempotent, linger 5 ms, 64 KiB batches, "
                    + "snappy), %,d records of %d bytes on average: %.1f s, %,d records/s", records, meanBytes, seconds,
                    perSecond());
        }
    }

    /**
     * Sends {@code count} records like the first 10,000 of {@code sampleTopic} (round robin) through a producer set up
     * as OMS's producers are, to a topic of their own.
     */
    static ProducerRate kafkaProducer(String bootstrapServers, String sampleTopic, long count) throws Exception {
        List<ConsumerRecord<String, byte[]>> samples = sample(bootstrapServers, sampleTopic, 10_000);
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
        return new ProducerRate(count, bytes / count, seconds);
    }

    /**
     * Rows per second that MariaDB takes as JDBC batches of 1,000 (one commit per batch, rewritten into multi-row
     * inserts) into a table shaped like an outbox row: a 16-byte id, a short key and a 600-byte payload.
     */
    static long mariadbBatchedInserts(int rows) throws SQLException {
        String database = TestDatabases.createFresh("oms_bench_raw");
        Properties login = new Properties();
        login.setProperty("user", TestDatabases.user());
        login.setProperty("password", TestDatabases.password() == null ? "" : TestDatabases.password());
        login.setProperty("sslMode", "DISABLED");
        login.setProperty("allowPublicKeyRetrieval", "true");
        login.setProperty("rewriteBatchedStatements", "true");
        try (Connection connection = new com.mysql.cj.jdbc.Driver().connect(TestDatabases.jdbcUrl(database), login)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE raw_rows (id BINARY(16) PRIMARY KEY, row_key VARCHAR(64) NOT NULL, "
                        + "payload VARBINARY(2000) NOT NULL) ENGINE=InnoDB");
            }
            connection.setAutoCommit(false);
            byte[] payload = "x".repeat(600).getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw_rows (id, row_key, payload) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setBytes(1, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                            .putLong(id.getLeastSignificantBits()).array());
                    insert.setString(2, id.toString());
                    insert.setBytes(3, payload);
                    insert.addBatch();
                    if (i % 1_000 == 0 || i == rows) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return Math.round(rows / ((System.nanoTime() - start) / 1e9));
        } finally {
            TestDatabases.drop(database);
        }
    }

    /**
     * Redis's operations per second for {@code INCR} and {@code HSET} as {@code redis-benchmark} measures
     * them, one command per round trip and 16 deep in a pipeline; empty when redis-benchmark is not installed.
     */
    static List<String> redis(String host, int port, int requests) throws IOException, InterruptedException {
        List<String> rates = new ArrayList<>();
        for (int pipeline : new int[] {1, 16}) {
            ProcessBuilder command = new ProcessBuilder("redis-benchmark", "-h", host, "-p", Integer.toString(port),
                    "-t", "incr,hset", "-n", Integer.toString(requests), "-P", Integer.toString(pipeline), "-q",
                    "--csv").redirectErrorStream(true);
            Process process;
            try {
                process = command.start();
            } catch (IOException e) {
                return List.of();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("redis-benchmark failed: " + output);
            }
            rates.addAll(parseRedisBenchmark(output, pipeline));
        }
        return rates;
    }

    private static List<String> parseRedisBenchmark(String csv, int pipeline) {
        List<String> rates = new ArrayList<>();
        for (String line : csv.split("\n")) {
            String[] cells = line.replace("\"", "").split(",");
            if (cells.length >= 2 && cells[0].matches("[A-Z]+")) {
                rates.add(String.format(Locale.ROOT, "%s %,d/s (pipeline %d)", cells[0],
                        Math.round(Double.parseDouble(cells[1])), pipeline));
            }
        }
        return rates;
    }

    private static List<ConsumerRecord<String, byte[]>> sample(String bootstrapServers, String topic, int size) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (records.size() < size && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
            if (records.isEmpty()) {
                throw new IllegalStateException("nothing on " + topic + " to sample");
            }
            return records;
        }
    }
}
