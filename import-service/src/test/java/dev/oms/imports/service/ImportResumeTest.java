package dev.oms.imports.service;

import dev.oms.events.EventCodec;
import dev.oms.imports.config.ImportConfig;
import dev.oms.imports.domain.ImportEventIds;
import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportProgress;
import dev.oms.imports.domain.ImportRequest;
import dev.oms.imports.rest.ImportTestSupport;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.oms.imports.rest.ImportTestSupport.HEADER;
import static dev.oms.imports.rest.ImportTestSupport.awaitFinished;
import static dev.oms.imports.rest.ImportTestSupport.runId;
import static dev.oms.imports.rest.ImportTestSupport.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A job the previous process left RUNNING (it was killed) resumes at start-up after its checkpoint: the orders
 * acknowledged before are not sent again, the others are, under the ids they would always have had.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_imports"))
class ImportResumeTest {

    private static final int ORDERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 4;
    private static ImportTestSupport topic;

    @Inject
    ImportJobStore jobs;
    @Inject
    ImportStartup startup;
    @Inject
    ImportConfig config;

    @BeforeAll
    static void connectToKafka() {
        topic = new ImportTestSupport();
    }

    @AfterAll
    static void closeKafka() {
        if (topic != null) {
            topic.close();
        }
    }

    @Test
    void aKilledImportResumesAfterItsCheckpointWithNoOrderMissingAndNoneSentTwice() throws IOException {
        String run = runId();
        List<String> ids = IntStream.rangeClosed(1, ORDERS).mapToObj(i -> "K" + i + "-" + run).toList();
        String csv = HEADER + ids.stream().map(id -> id + ",kim@example.com,Kim,SKU-1,Mug,1,5.00,,\n")
                .collect(Collectors.joining());
        Path file = config.directory().resolve("resume-" + run + ".csv");
        Files.writeString(file, csv);
        try {
            UUID jobId = crashedJob(file, csv);

            startup.onStart(null);

            JsonPath job = awaitFinished(jobId);
            assertEquals("COMPLETED", job.getString("status"), job.prettify());
            assertEquals(ORDERS, job.getLong("ordersPublished"));
            assertEquals(ORDERS, job.getLong("checkpoint"));
            Map<String, List<ConsumerRecord<String, byte[]>>> sent = topic.recordsFor(Set.copyOf(ids));
            assertEquals(Set.copyOf(ids.subList(ACKNOWLEDGED_BEFORE_THE_CRASH, ORDERS)), sent.keySet(),
                    "only the orders after the checkpoint are sent again");
            for (int i = ACKNOWLEDGED_BEFORE_THE_CRASH; i < ORDERS; i++) {
                assertEquals(1, sent.get(ids.get(i)).size());
                assertEquals(ImportEventIds.eventId(sha256(csv), i + 1),
                        EventCodec.decode(sent.get(ids.get(i)).get(0).value()).id());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aKilledImportWhoseFileIsGoneFailsAtStartSayingSo() throws IOException {
        String run = runId();
        String csv = HEADER + "G-" + run + ",gus@example.com,Gus,SKU-1,Mug,1,5.00,,\n";
        Path file = config.directory().resolve("gone-" + run + ".csv");
        Files.writeString(file, csv);
        UUID jobId = crashedJob(file, csv);
        Files.delete(file);

        startup.onStart(null);

        JsonPath job = awaitFinished(jobId);
        assertEquals("FAILED", job.getString("status"));
        assertEquals(ImportStartup.FILE_GONE, job.getString("error"));
    }

    @Test
    void aCancelledImportIsNotResumedAfterARestart() throws IOException {
        String run = runId();
        String csv = HEADER + "X-" + run + ",xia@example.com,Xia,SKU-1,Mug,1,5.00,,\n";
        Path file = config.directory().resolve("cancelled-" + run + ".csv");
        Files.writeString(file, csv);
        try {
            UUID jobId = crashedJob(file, csv);
            jobs.requestCancel(jobId);

            startup.onStart(null);

            JsonPath job = awaitFinished(jobId);
            assertEquals("CANCELLED", job.getString("status"));
            assertEquals(Set.of(), topic.recordsFor(Set.of("X-" + run)).keySet());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A job as a killed process leaves it: RUNNING, with the checkpoint of its last progress update. */
    private UUID crashedJob(Path file, String csv) throws IOException {
        ImportJob job = jobs.create(new ImportRequest(file.getFileName().toString(), sha256(csv), Files.size(file), false,
                100), new ImportSource(file, file.getFileName().toString(), sha256(csv), false));
        jobs.markRunning(job.id);
        jobs.recordProgress(job.id, new ImportProgress(ACKNOWLEDGED_BEFORE_THE_CRASH, ACKNOWLEDGED_BEFORE_THE_CRASH,
                ACKNOWLEDGED_BEFORE_THE_CRASH, 0, 0, 0, ACKNOWLEDGED_BEFORE_THE_CRASH, 100), new RowErrorBatch(0, List.of()));
        return job.id;
    }
}
