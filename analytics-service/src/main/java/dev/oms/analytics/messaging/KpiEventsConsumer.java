package dev.oms.analytics.messaging;

import dev.oms.analytics.domain.InvalidEventException;
import dev.oms.analytics.service.ApplyOutcome;
import dev.oms.analytics.service.KpiRecorder;
import dev.oms.analytics.service.RecordPosition;
import dev.oms.platform.messaging.IncomingEvents;
import dev.oms.platform.messaging.PoisonEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * Counts order and refund events into the KPIs (both topics, one channel: one consumer group, offsets per topic). Idempotence lives in Redis (no database here): each record is applied
 * by one Lua script together with its offset, so redeliveries and re-published copies change nothing.
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
    public CompletionStage<Void> consume(Message<byte[]> message) {
        ConsumerRecord<String, byte[]> record = IncomingEvents.recordOf(message);
        RecordPosition position = new RecordPosition(group, record.topic(), record.partition(), record.offset());
        // A dead-lettered record still advances the progress in Redis: the rebalancer resumes after it, not at it.
        return incoming.handle(message, CONSUMER_NAME, event -> {
            ApplyOutcome outcome;
            try {
                outcome = recorder.record(event, position);
            } catch (InvalidEventException e) {
                throw new PoisonEventException(e.getMessage());
            }
            if (outcome != ApplyOutcome.APPLIED) {
                LOG.debugf("Skipped %s %s at %s-%d@%d: %s", event.type(), event.id(), record.topic(),
                        record.partition(), record.offset(), outcome);
            }
        }, () -> recorder.skip(position));
    }
}
