package dev.oms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compatibility check finds each kind of breaking change, and lets the allowed ones through. */
class SchemaCompatibilityCheckerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String BASELINE = """
            {
              "$defs": {
                "Money": {
                  "type": "object",
                  "properties": { "amountMinor": { "type": "integer" }, "currency": { "type": "string" } },
                  "required": ["amountMinor", "currency"]
                }
              },
              "type": "object",
              "properties": {
                "orderId": { "$ref": "common.v1.schema.json#/$defs/Uuid" },
                "quantity": { "type": "integer" },
                "status": { "type": "string", "enum": ["OPEN", "DONE"] },
                "note": { "type": "string" },
                "lines": {
                  "type": "array",
                  "items": { "type": "object", "properties": { "sku": { "type": "string" } }, "required": ["sku"] }
                }
              },
              "required": ["orderId", "quantity", "status", "lines"]
            }
            """;

    @Test
    void unchangedSchemaIsCompatible() {
        assertEquals(List.of(), problemsAfter(schema -> { }));
    }

    @Test
    void newOptionalPropertyIsCompatible() {
        assertEquals(List.of(), problemsAfter(schema -> properties(schema).putObject("giftWrap").put("type", "boolean")));
    }

    @Test
    void newEnumValueIsCompatible() {
        assertEquals(List.of(), problemsAfter(schema -> enumOfStatus(schema).add("ARCHIVED")));
    }

    @Test
    void removedPropertyIsIncompatible() {
        assertSingleProblem("property note removed", schema -> properties(schema).remove("note"));
    }

    @Test
    void changedTypeIsIncompatible() {
        assertSingleProblem("type changed from integer to number",
                schema -> ((ObjectNode) properties(schema).get("quantity")).put("type", "number"));
    }

    @Test
    void referenceReplacedByAnotherTypeIsIncompatible() {
        assertSingleProblem("type changed from $ref common.v1.schema.json#/$defs/Uuid to string",
                schema -> properties(schema).putObject("orderId").put("type", "string"));
    }

    @Test
    void removedEnumValueIsIncompatible() {
        assertSingleProblem("enum value DONE removed", schema -> {
            ArrayNode values = enumOfStatus(schema);
            values.removeAll();
            values.add("OPEN");
        });
    }

    @Test
    void optionalPropertyBecomingRequiredIsIncompatible() {
        assertSingleProblem("optional property note became required", schema -> required(schema).add("note"));
    }

    @Test
    void newRequiredPropertyIsIncompatible() {
        assertSingleProblem("new required property coupon", schema -> {
            properties(schema).putObject("coupon").put("type", "string");
            required(schema).add("coupon");
        });
    }

    @Test
    void requiredPropertyBecomingOptionalIsIncompatible() {
        assertSingleProblem("required property quantity became optional", schema -> required(schema).remove(1));
    }

    @Test
    void changesInsideArrayItemsAreFound() {
        assertSingleProblem("/properties/lines/items/properties/sku: type changed from string to integer",
                schema -> ((ObjectNode) schema.at("/properties/lines/items/properties/sku")).put("type", "integer"));
    }

    @Test
    void changesInsideDefinitionsAreFound() {
        assertSingleProblem("/$defs/Money/properties/amountMinor: type changed from integer to number",
                schema -> ((ObjectNode) schema.at("/$defs/Money/properties/amountMinor")).put("type", "number"));
    }

    @Test
    void removedDefinitionIsIncompatible() {
        assertSingleProblem("definition Money removed", schema -> ((ObjectNode) schema.get("$defs")).remove("Money"));
    }

    @Test
    void removedSchemaFileIsIncompatibleButANewOneIsFine(@TempDir Path dir) throws IOException {
        Path baseline = Files.createDirectories(dir.resolve("baseline"));
        Path current = Files.createDirectories(dir.resolve("current"));
        Files.writeString(baseline.resolve("Kept.v1.schema.json"), BASELINE);
        Files.writeString(baseline.resolve("Dropped.v1.schema.json"), BASELINE);
        Files.writeString(current.resolve("Kept.v1.schema.json"), BASELINE);
        Files.writeString(current.resolve("Added.v1.schema.json"), BASELINE);

        assertEquals(List.of("Dropped.v1.schema.json: schema file removed"),
                SchemaCompatibility.compareDirectories(baseline, current));
    }

    private static void assertSingleProblem(String expected, Consumer<ObjectNode> change) {
        List<String> problems = problemsAfter(change);
        assertEquals(1, problems.size(), "problems: " + problems);
        assertTrue(problems.get(0).contains(expected), "expected '" + expected + "' in " + problems);
    }

    private static List<String> problemsAfter(Consumer<ObjectNode> change) {
        ObjectNode current = parse();
        change.accept(current);
        return SchemaCompatibility.compare("Test.v1.schema.json", parse(), current);
    }

    private static ObjectNode parse() {
        try {
            return (ObjectNode) MAPPER.readTree(BASELINE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode properties(JsonNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ArrayNode required(JsonNode schema) {
        return (ArrayNode) schema.get("required");
    }

    private static ArrayNode enumOfStatus(JsonNode schema) {
        return (ArrayNode) properties(schema).get("status").get("enum");
    }
}
