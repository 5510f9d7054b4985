package dev.oms.platform.messaging;

import dev.oms.events.EventCodec;
import dev.oms.events.MalformedEventException;
import dev.oms.events.Topics;
import dev.oms.platform.config.ServiceIdentity;
import dev.oms.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's dead letters: the records its own consumers sent to the dead-letter twins of the topics it
 * consumes. A replay publishes a record (as it was, or corrected) to its original topic with its original key,
 * so it lands in the same partition as the rest of its order; consumers that applied its event id before skip it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REPLAYED_FROM = "oms-dlq-replayed-from";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private final DeadLetterBrowser browser;
    private final KafkaProducerHolder producers;
    private final ServiceIdentity service;
    private final Set<String> consumedTopics;

    public DeadLetters(KafkaClientSettings kafka, KafkaProducerHolder producers, ServiceIdentity service,
                       Config config) {
        this.browser = new DeadLetterBrowser(kafka);
        this.producers = producers;
        this.service = service;
        this.consumedTopics = consumedTopics(config);
    }

    /** The dead-letter topics this service's consumers write to. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        consumedTopics.forEach(topic -> topics.add(Topics.dlq(topic)));
        return topics;
    }

    /** The newest dead letters of this service, from one dead-letter topic or all of them, newest first. */
    public List<DeadLetter> newest(String dlqTopic, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (String topic : dlqTopic == null ? topics() : Set.of(requireOwn(dlqTopic))) {
            letters.addAll(browser.newest(topic, letter -> service.name().equals(letter.service()), limit));
        }
        letters.sort(Comparator.comparing(DeadLetter::failedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return letters.subList(0, Math.min(limit, letters.size()));
    }

    public DeadLetter get(String dlqTopic, int partition, long offset) {
        return DeadLetterBrowser.toDeadLetter(find(dlqTopic, partition, offset));
    }

    /**
     * Publishes the dead letter again to its original topic: its own bytes, or {@code correction} (a complete
     * CloudEvents record, checked before it is sent) when support fixed it. Returns where it went.
     */
    public RecordMetadata replay(String dlqTopic, int partition, long offset, byte[] correction) {
        ConsumerRecord<String, byte[]> record = find(dlqTopic, partition, offset);
        DeadLetter letter = DeadLetterBrowser.toDeadLetter(record);
        byte[] value = correction == null || correction.length == 0 ? record.value() : correction;
        if (value != record.value()) {
            try {
                EventCodec.decode(value);
            } catch (MalformedEventException e) {
                throw ProblemException.unprocessable("The corrected record is not a valid OMS event: " + e.getMessage(),
                        Map.of("field", "body"));
            }
        }
        String target = letter.originalTopic() != null ? letter.originalTopic() : originalOf(dlqTopic);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("oms-dlq-")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (dlqTopic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        try {
            RecordMetadata sent = producers.producer().send(new ProducerRecord<>(target, null, record.key(), value, headers)).get();
            LOG.infof("Replayed dead letter %s/%d/%d to %s-%d@%d%s", dlqTopic, partition, offset, sent.topic(),
                    sent.partition(), sent.offset(), value == record.value() ? "" : " (corrected)");
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + target, e.getCause());
        }
    }

    private ConsumerRecord<String, byte[]> find(String dlqTopic, int partition, long offset) {
        return browser.at(requireOwn(dlqTopic), partition, offset)
                .filter(record -> service.name().equals(DeadLetterBrowser.toDeadLetter(record).service()))
                .orElseThrow(() -> ProblemException.notFound("dead letter", dlqTopic + "/" + partition + "/" + offset));
    }

    private String requireOwn(String dlqTopic) {
        if (!topics().contains(dlqTopic)) {
            throw ProblemException.notFound("dead-letter topic of " + service.name(), dlqTopic);
        }
        return dlqTopic;
    }

    private static String originalOf(String dlqTopic) {
        return dlqTopic.substring(0, dlqTopic.length() - Topics.dlq("").length());
    }

    private static Set<String> consumedTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = INCOMING_TOPIC.matcher(name);
            if (matcher.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return topics;
    }
}
