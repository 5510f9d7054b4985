package dev.oms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The JSON Schemas of src/main/resources/schemas, loaded from the classpath the way a consumer would. */
final class Schemas {

    static final String BASE_URI = "https://oms.dev/schemas/";
    static final String ENVELOPE = "envelope.schema.json";
    static final String COMMON = "common.v1.schema.json";

    // Schemas $ref each other relative to their https $id; map that base to the classpath so nothing is fetched.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_URI, "classpath:schemas/")));

    // 2020-12 treats "format" as an annotation unless told otherwise; we want uuid and date-time checked.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private Schemas() {
    }

    static String fileOf(Class<? extends OmsEvent> eventClass) {
        return eventClass.getSimpleName() + ".v1.schema.json";
    }

    static boolean exists(String file) {
        return Schemas.class.getResource("/schemas/" + file) != null;
    }

    static Set<ValidationMessage> validate(String file, JsonNode json) {
        return FACTORY.getSchema(SchemaLocation.of(BASE_URI + file), CONFIG).validate(json);
    }

    static JsonNode json(String file) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + file + " on the classpath");
            }
            return EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema a property points to: follows a relative {@code file#/pointer} $ref, else the property itself. */
    static JsonNode resolve(JsonNode property) {
        JsonNode ref = property.get("$ref");
        if (ref == null) {
            return property;
        }
        String[] fileAndPointer = ref.asText().split("#", 2);
        return resolve(json(fileAndPointer[0]).at(fileAndPointer[1]));
    }
}
