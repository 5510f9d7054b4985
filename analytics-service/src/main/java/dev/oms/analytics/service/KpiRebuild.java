package dev.oms.analytics.service;

import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.analytics.domain.InvalidEventException;
import dev.oms.analytics.domain.KpiEffect;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.MalformedEventException;
import dev.oms.platform.messaging.KafkaClientSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recomputes every number from the topics (which keep all records) into a fresh generation while reads keep
 * answering from the current one, then switches atomically:
 * <ol>
 *   <li>deletes leftovers of earlier generations, takes generation current + 1;</li>
 *   <li>reads every partition of the KPI topics from the beginning with a consumer of its own (no group) and applies
 *       each record with the same rules and outcomes as live consumption ({@link RebuildWriter}), in batches of
 *       {@code batch-size}, under the live consumer group's name so the new generation's offsets are the ones live
 *       consumption resumes from;</li>
 *   <li>once at the end of the log, switches when the new generation has applied every partition at least as far as
 *       the current one ({@code switch-generation.lua}); until then it reads on, since live consumption moves on too;</li>
 *   <li>live consumers find the switch with their next record (the script answers "generation moved") and go on in
 *       the new generation right after its last applied offset: nothing skipped, nothing applied twice;</li>
 *   <li>the replaced generation is deleted a little later, when no read can still be using it.</li>
 * </ol>
 * Undecodable or invalid records count as skipped, as live consumption dead-letters them.
 */
@ApplicationScoped
public class KpiRebuild {

    private static final Logger LOG = Logger.getLogger(KpiRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final AnalyticsConfig.Rebuild settings;
    private final KafkaClientSettings kafka;
    private final KpiSource source;
    private final KeyLayout keys;
    private final Generations generations;
    private final KpiRecorder recorder;
    private final Redis redis;
    private final Duration markerTtl;
    private final RebuildLedger ledger;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "analytics-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    public KpiRebuild(AnalyticsConfig config, KafkaClientSettings kafka,
                      KpiSource source, KeyLayout keys, Generations generations, KpiRecorder recorder, Redis redis,
                      RebuildLedger ledger) {
        this.settings = config.rebuild();
        this.kafka = kafka;
        this.source = source;
        this.keys = keys;
        this.generations = generations;
        this.recorder = recorder;
        this.redis = redis;
        this.markerTtl = config.dedupeWindow();
        this.ledger = ledger;
    }

    /** Starts a rebuild in the background; empty when one is already running (on any replica). */
    public Optional<RebuildStatus> start() {
        String id = UUID.randomUUID().toString();
        if (!ledger.lock(id, settings.lease())) {
            return Optional.empty();
        }
        RebuildStatus started;
        try {
            generations.stale().forEach(generations::drop);
            long replaced = generations.current();
            long rebuilt = replaced + 1;
            // Both registered: whichever ends up replaced is found and deleted by a later rebuild if not before.
            generations.register(replaced);
            generations.register(rebuilt);
            started = new RebuildStatus(id, RebuildStatus.State.RUNNING, replaced, rebuilt, Instant.now(), null,
                    0, 0, 0, 0, 0, null);
            ledger.save(started);
        } catch (RuntimeException e) {
            ledger.unlock(id);
            throw e;
        }
        runner.execute(() -> run(started));
        return Optional.of(started);
    }

    public Optional<RebuildStatus> latest() {
        return ledger.latest();
    }

    private void run(RebuildStatus started) {
        Progress progress = new Progress(started,
                new RebuildWriter(redis, keys.currentGeneration(), started.fromGeneration(), markerTtl));
        try (KafkaConsumer<String, byte[]> consumer = consumer(started.id())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            progress.total = ends.values().stream().mapToLong(Long::longValue).sum();
            readAndSwitch(consumer, partitions, ends, progress);
            progress.finish(RebuildStatus.State.SWITCHED, null);
            LOG.infof("Rebuilt the analytics from %d records (%d events applied) at %d records/s; generation %d "
                    + "replaces %d", progress.read, progress.applied, progress.perSecond(), started.toGeneration(),
                    started.fromGeneration());
            // Other replicas' reads may use the old generation for up to READ_CACHE after the switch.
            runner.schedule(() -> dropQuietly(started.fromGeneration()),
                    settings.keepReplacedFor().plus(Generations.READ_CACHE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The analytics rebuild %s failed; generation %d stays current", started.id(),
                    started.fromGeneration());
            progress.finish(RebuildStatus.State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            ledger.unlock(started.id());
        }
    }

    private void readAndSwitch(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                               Map<TopicPartition, Long> ends, Progress progress) {
        RebuildStatus started = progress.started;
        GenerationKeys target = keys.generation(started.toGeneration());
        Instant catchUpDeadline = null;
        while (true) {
            if (stopping) {
                throw new IllegalStateException("the service is shutting down");
            }
            if (!ledger.renew(started.id(), settings.lease())) {
                throw new IllegalStateException("lost the rebuild lock (its lease ran out)");
            }
            apply(consumer.poll(POLL), target, progress);
            ledger.save(progress.status(RebuildStatus.State.RUNNING, null));
            if (catchUpDeadline == null && atEnd(consumer, partitions, ends)) {
                catchUpDeadline = Instant.now().plus(settings.catchUpTimeout());
            }
            if (catchUpDeadline != null) {
                awaitSent(progress);
                Generations.Switch outcome = generations.switchTo(started.fromGeneration(), started.toGeneration());
                if (outcome == Generations.Switch.SWITCHED) {
                    return;
                }
                if (outcome == Generations.Switch.SUPERSEDED) {
                    throw new IllegalStateException("generation " + started.fromGeneration() + " is no longer current");
                }
                if (Instant.now().isAfter(catchUpDeadline)) {
                    throw new IllegalStateException("could not catch up with live consumption within "
                            + settings.catchUpTimeout());
                }
            }
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records, GenerationKeys target, Progress progress) {
        List<ApplyOnce> batch = new ArrayList<>(settings.batchSize());
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(toApply(record, target, progress));
            if (batch.size() == settings.batchSize()) {
                send(batch, progress);
                batch = new ArrayList<>(settings.batchSize());
            }
        }
        if (!batch.isEmpty()) {
            send(batch, progress);
        }
    }

    private ApplyOnce toApply(ConsumerRecord<String, byte[]> record, GenerationKeys target, Progress progress) {
        RecordPosition position = new RecordPosition(source.group(), record.topic(), record.partition(), record.offset());
        UUID eventId = KpiRecorder.NO_EVENT;
        Optional<KpiEffect> effect = Optional.empty();
        try {
            EventEnvelope event = EventCodec.decode(record.value());
            eventId = event.id();
            effect = recorder.effectOf(event);
        } catch (MalformedEventException | InvalidEventException e) {
            progress.skipped++;
        }
        return recorder.record(eventId, effect, position, target);
    }

    /**
     * Sends the batch once the one before it has been applied: one batch in Redis at a time keeps the order, while
     * this thread decodes the next.
     */
    private void send(List<ApplyOnce> batch, Progress progress) {
        awaitSent(progress);
        progress.inFlight = progress.writer.applyAsync(batch);
        progress.inFlightSize = batch.size();
    }

    private void awaitSent(Progress progress) {
        if (progress.inFlight == null) {
            return;
        }
        List<ApplyOutcome> outcomes;
        try {
            outcomes = progress.inFlight.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException("applying a batch failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not answer a batch within a minute", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying a batch", e);
        }
        progress.inFlight = null;
        for (ApplyOutcome outcome : outcomes) {
            if (outcome == ApplyOutcome.GENERATION_MOVED) {
                throw new IllegalStateException("generation " + progress.started.fromGeneration()
                        + " is no longer current");
            }
            if (outcome == ApplyOutcome.APPLIED) {
                progress.applied++;
            }
        }
        progress.read += progress.inFlightSize;
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                 Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : source.topics()) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private KafkaConsumer<String, byte[]> consumer(String id) {
        return new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "analytics-rebuild-" + id,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Each poll also renews the lease and saves the progress: a few round trips per poll, not per batch.
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4 * settings.batchSize(),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024)),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void dropQuietly(long generation) {
        try {
            generations.drop(generation);
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete the replaced generation %d (the next rebuild deletes it): %s", generation,
                    e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        runner.shutdown();
    }

    /** Counters of one run, owned by the runner thread. */
    private final class Progress {

        private final RebuildStatus started;
        private final RebuildWriter writer;
        private long total;
        private long read;
        private long applied;
        private long skipped;
        private CompletableFuture<List<ApplyOutcome>> inFlight;
        private int inFlightSize;

        private Progress(RebuildStatus started, RebuildWriter writer) {
            this.started = started;
            this.writer = writer;
        }

        private long perSecond() {
            long millis = Math.max(1, Duration.between(started.startedAt(), Instant.now()).toMillis());
            return read * 1000 / millis;
        }

        private RebuildStatus status(RebuildStatus.State state, String error) {
            return new RebuildStatus(started.id(), state, started.fromGeneration(), started.toGeneration(),
                    started.startedAt(), state == RebuildStatus.State.RUNNING ? null : Instant.now(), read, total,
                    applied, skipped, perSecond(), error);
        }

        private void finish(RebuildStatus.State state, String error) {
            ledger.save(status(state, error));
        }
    }
}
