package dev.oms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type has a schema that matches its record, and what EventCodec writes conforms to it. */
class SchemaConformanceTest {

    /** The record components that may be null; every other component is required by its schema. */
    private static final Map<Class<?>, Set<String>> OPTIONAL = Map.of(
            OrderRequested.class, Set.of("externalOrderId", "orderedAt", "importJobId", "sourceLine"),
            OrderAccepted.class, Set.of("externalOrderId", "orderedAt"),
            OrderLine.class, Set.of("sku", "productName", "unitPrice"),
            OrderRejected.class, Set.of("detail"),
            OrderFailed.class, Set.of("detail"),
            OrderCancelled.class, Set.of("reason"));

    static Stream<Named<Class<? extends OmsEvent>>> eventTypes() {
        return EventTypes.ALL.stream().map(type -> Named.of(type.getSimpleName(), type));
    }

    static Stream<String> schemaFiles() {
        return Stream.concat(Stream.of(Schemas.ENVELOPE, Schemas.COMMON), EventTypes.ALL.stream().map(Schemas::fileOf));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleConformsToSchemasAndRoundTrips(Class<? extends OmsEvent> type) throws IOException {
        assertConformsAndRoundTrips(SampleEvents.full(type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleWithoutOptionalFieldsConformsToSchemasAndRoundTrips(Class<? extends OmsEvent> type) throws IOException {
        assertConformsAndRoundTrips(SampleEvents.minimal(type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void eventSchemaDeclaresExactlyTheRecordComponents(Class<? extends OmsEvent> type) {
        assertTrue(Schemas.exists(Schemas.fileOf(type)), "no schema " + Schemas.fileOf(type) + " for " + type.getSimpleName());
        assertMatchesRecord(Schemas.json(Schemas.fileOf(type)), type);
    }

    @ParameterizedTest
    @ValueSource(classes = {Money.class, CustomerRef.class, OrderLine.class, StockLine.class})
    void commonDefinitionDeclaresExactlyTheRecordComponents(Class<?> type) {
        assertMatchesRecord(Schemas.json(Schemas.COMMON).at("/$defs/" + type.getSimpleName()), type);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void schemaIsDraft202012WithIdTitleAndDescription(String file) {
        JsonNode schema = Schemas.json(file);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), file);
        assertEquals(Schemas.BASE_URI + file, schema.path("$id").asText(), file);
        assertFalse(schema.path("title").asText().isBlank(), file + " has no title");
        assertFalse(schema.path("description").asText().isBlank(), file + " has no description");
    }

    private static void assertConformsAndRoundTrips(OmsEvent event) throws IOException {
        EventEnvelope envelope = SampleEvents.envelope(event);
        byte[] encoded = EventCodec.encode(envelope);
        JsonNode json = EventCodec.mapper().readTree(encoded);

        assertValid(Schemas.ENVELOPE, json);
        assertValid(Schemas.fileOf(event.getClass()), json.get("data"));
        assertEquals(envelope, EventCodec.decode(encoded));
    }

    private static void assertValid(String file, JsonNode json) {
        Set<ValidationMessage> errors = Schemas.validate(file, json);
        assertTrue(errors.isEmpty(), () -> file + " rejects " + json + ": " + errors);
    }

    private static void assertMatchesRecord(JsonNode schema, Class<?> record) {
        String name = record.getSimpleName();
        RecordComponent[] components = record.getRecordComponents();
        Set<String> componentNames = Arrays.stream(components).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expectedRequired = new TreeSet<>(componentNames);
        expectedRequired.removeAll(OPTIONAL.getOrDefault(record, Set.of()));

        assertEquals(componentNames, names(schema.path("properties").fieldNames()),
                name + ": schema properties differ from the record components");
        assertEquals(expectedRequired, texts(schema.path("required")),
                name + ": schema 'required' differs from the non-nullable record components");
        for (RecordComponent component : components) {
            if (component.getType().isEnum()) {
                assertEnumMatches(name, component, Schemas.resolve(schema.path("properties").path(component.getName())));
            }
        }
    }

    private static void assertEnumMatches(String record, RecordComponent component, JsonNode property) {
        Set<String> constants = Arrays.stream(component.getType().getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(constants, texts(property.path("enum")),
                record + "." + component.getName() + ": schema enum differs from " + component.getType().getSimpleName());
    }

    private static Set<String> names(Iterator<String> iterator) {
        Set<String> names = new TreeSet<>();
        iterator.forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
