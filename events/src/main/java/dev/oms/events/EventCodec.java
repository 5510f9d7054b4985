package dev.oms.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads and writes events as CloudEvents 1.0 JSON in structured mode: the record value is one JSON object
 * with the context attributes and the payload under {@code data}. Unknown fields are ignored, so consumers
 * keep working when a schema gains optional fields.
 */
public final class EventCodec {

    private static final int ENCODED_SIZE_HINT = 1024;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Money and quantities are integers: 12.5 must not become 12, nor a missing amount 0.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(EventEnvelope envelope) {
        // Written straight to bytes, without a tree in between: imports encode hundreds of thousands per second.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ENCODED_SIZE_HINT);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("specversion", EventEnvelope.SPEC_VERSION);
            json.writeStringField("id", envelope.id().toString());
            json.writeStringField("source", envelope.source());
            json.writeStringField("type", envelope.type());
            json.writeStringField("time", envelope.time().toString());
            json.writeStringField("subject", envelope.subject().toString());
            json.writeStringField("datacontenttype", "application/json");
            json.writeFieldName("data");
            MAPPER.writeValue(json, envelope.data());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode event " + envelope.id(), e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a record value; throws {@link MalformedEventException} for anything that is not a known OMS event. */
    public static EventEnvelope decode(byte[] value) {
        if (value == null) {
            throw new MalformedEventException("record has no value");
        }
        try {
            JsonNode node = MAPPER.readTree(value);
            if (node == null || !node.isObject()) {
                throw new MalformedEventException("record value is not a JSON object");
            }
            String type = text(node, "type");
            Class<? extends OmsEvent> eventClass = EventTypes.classOf(type)
                    .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
            JsonNode data = node.get("data");
            if (data == null || !data.isObject()) {
                throw new MalformedEventException("event has no data object");
            }
            OmsEvent event = MAPPER.treeToValue(data, eventClass);
            if (event.orderId() == null) {
                throw new MalformedEventException("event data has no orderId");
            }
            UUID subject = UUID.fromString(text(node, "subject"));
            if (!subject.equals(event.orderId())) {
                throw new MalformedEventException("subject " + subject + " is not the event's order id " + event.orderId());
            }
            return new EventEnvelope(UUID.fromString(text(node, "id")), text(node, "source"), type,
                    Instant.parse(text(node, "time")), subject, event);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedEventException malformed) {
                throw malformed;
            }
            throw new MalformedEventException("unreadable event: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedEventException("event has no '" + field + "' attribute");
        }
        return value.asText();
    }
}
