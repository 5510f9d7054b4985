package dev.oms.analytics.messaging;

import dev.oms.analytics.domain.InvalidEventException;
import dev.oms.analytics.service.ApplyOutcome;
import dev.oms.analytics.service.KpiRecorder;
import dev.oms.analytics.service.KpiRecorder.CountedRecord;
import dev.oms.analytics.service.RecordPosition;
import dev.oms.events.EventEnvelope;
import dev.oms.platform.messaging.BatchHandler;
import dev.oms.platform.messaging.IncomingEvents;
import dev.oms.platform.messaging.PoisonEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Counts order and refund events into the KPIs (both topics, one channel: one consumer group, offsets per topic).
 * Idempotence lives in Redis (no database here): a poll's records are applied by one Lua script call together with
 * their offsets, so redeliveries and re-published copies change nothing. An event that must not be counted sends
 * its batch record by record, where it is dead-lettered and its offset still advances.
 */
@ApplicationScoped
public class KpiEventsConsumer {

    static final String CONSUMER_NAME = "analytics-kpis";
    private static final Logger LOG = Logger.getLogger(KpiEventsConsumer.class);

    private final IncomingEvents incoming;
    private final KpiRecorder recorder;
    private final String group;

    public KpiEventsConsumer(IncomingEvents incoming, KpiRecorder recorder,
                             @ConfigProperty(name = "mp.messaging.incoming.kpi-events.group.id") String group) {
        this.incoming = incoming;
        this.recorder = recorder;
        this.group = group;
    }

    @Incoming("kpi-events")
    @Blocking
    public CompletionStage<Void> consume(Message<List<byte[]>> batch) {
        return incoming.handleBatch(batch, CONSUMER_NAME, new KpiBatch());
    }

    /** One poll's records (a new handler per poll): their effects are gathered one by one, then applied in one script call. */
    private final class KpiBatch implements BatchHandler {

        private final List<CountedRecord> counted = new ArrayList<>();

        @Override
        public void together(List<EventEnvelope> events, Runnable applyEach) {
            applyEach.run();
            List<ApplyOutcome> outcomes = recorder.recordAll(counted);
            for (int i = 0; i < outcomes.size(); i++) {
                logSkipped(events.get(i), counted.get(i).position(), outcomes.get(i));
            }
        }

        @Override
        public void inBatch(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
            counted.add(recorder.counted(event, positionOf(record)));
        }

        @Override
        public void alone(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
            RecordPosition position = positionOf(record);
            try {
                logSkipped(event, position, recorder.record(event, position));
            } catch (InvalidEventException e) {
                throw new PoisonEventException(e.getMessage());
            }
        }

        // A dead-lettered record still advances the progress in Redis: the rebalancer resumes after it, not at it.
        @Override
        public void deadLettered(ConsumerRecord<String, byte[]> record) {
            recorder.skip(positionOf(record));
        }
    }

    private RecordPosition positionOf(ConsumerRecord<String, byte[]> record) {
        return new RecordPosition(group, record.topic(), record.partition(), record.offset());
    }

    private static void logSkipped(EventEnvelope event, RecordPosition position, ApplyOutcome outcome) {
        if (outcome != ApplyOutcome.APPLIED) {
            LOG.debugf("Skipped %s %s at %s-%d@%d: %s", event.type(), event.id(), position.topic(),
                    position.partition(), position.offset(), outcome);
        }
    }
}
