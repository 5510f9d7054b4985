package dev.oms.system;

import dev.oms.events.EventEnvelope;
import dev.oms.events.Topics;
import dev.oms.system.OmsApi.OrderStats;
import dev.oms.system.ServiceProcess.Stopped;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.oms.system.Figures.count;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4, graceful shutdown: order-service and then payment-service get SIGTERM (as Kubernetes stops a pod) while
 * imported orders are mid-saga, and are started again. Each stops within its drain timeouts, after its consumers
 * finished what they were applying and its outbox relay published everything committed, logging no error. What
 * SIGKILL cannot promise, a clean stop does: no record on an outbox-fed topic is published twice. And the settled
 * run keeps every invariant of the crash test.
 */
class GracefulShutdownIT {

    private static final int ORDERS = 1_500;
    private static final List<String> STOPPED = List.of("order-service", "payment-service");
    /** Topics written only through the services' outboxes. */
    private static final List<String> OUTBOX_TOPICS = List.of(Topics.ORDER_EVENTS, Topics.PAYMENT_COMMANDS,
            Topics.PAYMENT_COMMANDS_INTERACTIVE, Topics.PAYMENT_EVENTS, Topics.PAYMENT_EVENTS_INTERACTIVE);
    /** The JVM's status after SIGTERM (128 + 15) once its shutdown hooks ran. */
    private static final int ENDED_BY_SIGTERM = 143;

    private static OmsSystem system;
    private static OmsApi api;

    @BeforeAll
    static void startSystem() throws Exception {
        system = OmsSystem.startSaga("GracefulShutdownIT",
                Map.of("payment-service", Map.of("oms.payments.simulator.approval-rate", "0.9")));
        api = new OmsApi(system);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void stoppedServicesFinishTheirWorkAndPublishNothingTwice() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        GeneratedImport generated = GeneratedImport.of(ORDERS, 20261202L, runId, 100);
        api.upsertProducts(generated.catalog());
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);
        OrderProgress progress = new OrderProgress(api, ORDERS, Instant.now());
        api.importCsv("graceful-" + runId + ".csv", generated.csv());

        List<Executable> shutdownChecks = new ArrayList<>();
        for (int i = 0; i < STOPPED.size(); i++) {
            long settledBefore = (long) ORDERS * (i + 1) / (STOPPED.size() + 2);
            OrderStats atStop = progress.await("orders mid-saga", Duration.ofMinutes(3),
                    stats -> stats.settled() >= settledBefore && stats.count("PAYMENT_PENDING") > 0);
            ServiceProcess service = system.service(STOPPED.get(i));
            Stopped stopped = service.terminate(Duration.ofMinutes(1));
            List<String> shutdownLog = service.logSince("sent SIGTERM");
            System.out.printf("SIGTERM %s at +%.1fs (%s): exited %d after %.1fs%n", service.name(),
                    progress.secondsSinceStart(), progress.describe(atStop), stopped.exitStatus(),
                    stopped.took().toMillis() / 1000.0);
            shutdownChecks.add(() -> assertCleanStop(service.name(), stopped, shutdownLog));
            service.restart();
            service.awaitReady(Duration.ofMinutes(2));
        }
        OrderStats stats = progress.awaitQuiet(Duration.ofMinutes(4));

        assertAll(shutdownChecks);
        assertNothingPublishedTwice();
        new SettledImportInvariants(system, api, generated).assertAllHold(stats, firstDay);
    }

    private static void assertCleanStop(String service, Stopped stopped, List<String> log) {
        List<String> errors = log.stream()
                .filter(line -> line.contains(" ERROR ") && !isClosedConsumerRace(line)).toList();
        assertAll(service + " stopped cleanly",
                () -> assertEquals(ENDED_BY_SIGTERM, stopped.exitStatus(), service + "'s exit status"),
                () -> assertTrue(errors.isEmpty(), service + " logged errors while stopping:\n" + String.join("\n", errors)),
                () -> assertTrue(log.stream().anyMatch(line -> line.contains("Consumers stopped: records being applied have finished")),
                        service + "'s consumers did not finish in time:\n" + String.join("\n", log)),
                () -> assertTrue(log.stream().anyMatch(line -> line.contains("Outbox relay stopped: everything committed")),
                        service + "'s outbox relay did not flush:\n" + String.join("\n", log)));
    }

    /**
     * SmallRye closes a channel's consumers one after another; each leaving consumer hands its partitions to the
     * others, and one of them may already be closing when it starts reading a partition it got: it logs that it
     * "has already been closed", or that looking up the partition's committed offset was woken up (a
     * WakeupException SmallRye marks "Error Occurred After Shutdown"). Nothing is applied or committed by that
     * consumer, so the records are simply redelivered after the restart.
     */
    private static boolean isClosedConsumerRace(String line) {
        return line.contains("This consumer has already been closed")
                || line.contains("[Error Occurred After Shutdown]") && line.contains("WakeupException");
    }

    private static void assertNothingPublishedTwice() {
        for (String topic : OUTBOX_TOPICS) {
            List<EventEnvelope> records = TopicReader.readAll(system.bootstrapServers(), List.of(topic));
            long distinct = records.stream().map(EventEnvelope::id).distinct().count();
            System.out.printf("  %s: %s records, %s distinct event ids%n", topic, count(records.size()), count(distinct));
            assertEquals(distinct, records.size(), topic + ": records published again after a SIGTERM");
        }
    }
}
