package dev.oms.system;

import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Topics;
import dev.oms.infra.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6: import-service is killed with SIGKILL a quarter of the way through a 600K-row import and started
 * again. The job resumes by itself from its checkpoint and completes; the bulk topic then holds every order of
 * the file, each under the one event id it always has: what was sent twice (the unacknowledged tail) is the same
 * fact, which order-service applies once.
 */
class ImportKillIT {

    private static final int ROWS = 600_000;
    private static final int ORDERS = (ROWS + 2) / 3;
    /**
     * What a resume may send again: the orders after the last saved checkpoint, i.e. those of the rows between two
     * progress updates (20,000 rows, three per order) plus those in flight (10,000). Ignoring the checkpoint would
     * re-send some 50,000.
     */
    private static final int MAX_SENT_AGAIN = 20_000 / 3 + 10_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aKilledImportResumesWithNoOrderMissingAndNoneDoubled() throws Exception {
        String run = Long.toHexString(System.nanoTime());
        Path file = StandaloneImportService.generate(StandaloneImportService.importDirectory().resolve("kill-" + run + ".csv"),
                ROWS, run);
        try (KafkaBroker broker = KafkaBroker.start(null, 0, 0)) {
            broker.createTopics(Topics.all());
            try (StandaloneImportService service = StandaloneImportService.start(broker, file.getParent(),
                    "-XX:+UseSerialGC -Xms64m", "ImportKillIT")) {
                String id = service.importFromPath(file.getFileName().toString());
                Map<String, Object> before = awaitPublished(service, id, ORDERS / 4);
                long pid = service.process().kill();
                System.out.printf("killed import-service (pid %d) with %s of %,d orders acknowledged at checkpoint %s%n",
                        pid, before.get("ordersPublished"), ORDERS, before.get("checkpoint"));

                service.process().restart();
                service.process().awaitReady(Duration.ofSeconds(90));
                Map<String, Object> job = service.awaitEnded(id);
                assertEquals("COMPLETED", job.get("status"), String.valueOf(job));
                assertEquals(ORDERS, ((Number) job.get("ordersPublished")).intValue(), String.valueOf(job));
            }

            List<EventEnvelope> records = TopicReader.readAll(broker.bootstrapServers(), List.of(Topics.ORDER_REQUESTS_BULK));
            Map<UUID, Set<UUID>> eventIdsByOrder = records.stream().collect(Collectors.groupingBy(
                    EventEnvelope::subject, Collectors.mapping(EventEnvelope::id, Collectors.toSet())));
            Set<UUID> expected = IntStream.range(0, ORDERS).mapToObj(n -> Ids.orderId("B-" + run + "-" + n))
                    .collect(Collectors.toSet());
            assertEquals(expected, eventIdsByOrder.keySet(), "every order of the file, and nothing else");
            assertTrue(eventIdsByOrder.values().stream().allMatch(ids -> ids.size() == 1),
                    "each order has one event id, however often it was sent");
            int sentAgain = records.size() - eventIdsByOrder.size();
            System.out.printf("after the restart: %,d orders on the topic in %,d records (%,d sent again with their ids)%n",
                    eventIdsByOrder.size(), records.size(), sentAgain);
            assertTrue(sentAgain <= MAX_SENT_AGAIN, sentAgain + " records sent again: the resume did not start at the checkpoint");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Map<String, Object> awaitPublished(StandaloneImportService service, String id, long orders)
            throws Exception {
        while (true) {
            Map<String, Object> job = service.job(id);
            assertEquals("RUNNING".equals(job.get("status")) || "PENDING".equals(job.get("status")), true,
                    "the import ended before it could be killed: " + job);
            if (((Number) job.get("ordersPublished")).longValue() >= orders) {
                return job;
            }
            Thread.sleep(20);
        }
    }
}
