package dev.oms.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * Decodes a record value; throws {@link MalformedEventException} for anything that is not a known OMS event.
     * Streamed without a tree in between when {@code type} comes before {@code data}, as {@link #encode} writes it
     * (a rebuild decodes every record ever published); other producers may order the attributes as they like.
     */
    public static EventEnvelope decode(byte[] value) {
        if (value == null) {
            throw new MalformedEventException("record has no value");
        }
        try (JsonParser json = MAPPER.createParser(value)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("record value is not a JSON object");
            }
            Attributes attributes = new Attributes();
            OmsEvent event = null;
            JsonNode dataAheadOfType = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                if (field.equals("data")) {
                    if (token != JsonToken.START_OBJECT) {
                        throw new MalformedEventException("event has no data object");
                    }
                    if (attributes.type != null) {
                        event = MAPPER.readValue(json, eventClass(attributes.type));
                    } else {
                        dataAheadOfType = MAPPER.readTree(json);
                    }
                } else if (!attributes.read(field, json, token)) {
                    json.skipChildren();
                }
            }
            String type = required("type", attributes.type);
            if (event == null && dataAheadOfType == null) {
                throw new MalformedEventException("event has no data object");
            }
            if (event == null) {
                event = MAPPER.treeToValue(dataAheadOfType, eventClass(type));
            }
            if (event.orderId() == null) {
                throw new MalformedEventException("event data has no orderId");
            }
            UUID subject = UUID.fromString(required("subject", attributes.subject));
            if (!subject.equals(event.orderId())) {
                throw new MalformedEventException("subject " + subject + " is not the event's order id " + event.orderId());
            }
            return new EventEnvelope(UUID.fromString(required("id", attributes.id)),
                    required("source", attributes.source), type,
                    Instant.parse(required("time", attributes.time)), subject, event);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedEventException malformed) {
                throw malformed;
            }
            throw new MalformedEventException("unreadable event: " + e.getMessage(), e);
        }
    }

    private static String required(String attribute, String value) {
        if (value == null) {
            throw new MalformedEventException("event has no '" + attribute + "' attribute");
        }
        return value;
    }

    private static Class<? extends OmsEvent> eventClass(String type) {
        return EventTypes.classOf(type)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
    }

    /** The CloudEvents context attributes read so far; one that is absent or not a string stays null. */
    private static final class Attributes {

        private String id;
        private String source;
        private String type;
        private String time;
        private String subject;

        /** Reads the attribute if it is one of these; false for any other field. */
        boolean read(String field, JsonParser json, JsonToken token) throws IOException {
            String text = token == JsonToken.VALUE_STRING ? json.getText() : null;
            switch (field) {
                case "id" -> id = text;
                case "source" -> source = text;
                case "type" -> type = text;
                case "time" -> time = text;
                case "subject" -> subject = text;
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
