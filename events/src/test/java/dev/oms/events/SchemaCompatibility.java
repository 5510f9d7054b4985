package dev.oms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Finds the changes of a JSON Schema that break producers or consumers written against an earlier version.
 * Adding optional properties, enum values and whole schema files is allowed; anything else a consumer may rely on
 * (a property, its type, an enum value, whether it is always present) must stay as it was.
 */
final class SchemaCompatibility {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaCompatibility() {
    }

    /** Compares every schema file of {@code baselineDir} with the file of the same name in {@code currentDir}. */
    static List<String> compareDirectories(Path baselineDir, Path currentDir) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path baseline : schemaFiles(baselineDir)) {
            String name = baseline.getFileName().toString();
            Path current = currentDir.resolve(name);
            if (!Files.exists(current)) {
                problems.add(name + ": schema file removed");
            } else {
                problems.addAll(compare(name, MAPPER.readTree(baseline.toFile()), MAPPER.readTree(current.toFile())));
            }
        }
        return problems;
    }

    static List<String> compare(String name, JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compareSchema(name, baseline, current, problems);
        return problems;
    }

    private static List<Path> schemaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void compareSchema(String at, JsonNode baseline, JsonNode current, List<String> problems) {
        String baselineShape = shape(baseline);
        String currentShape = shape(current);
        if (!baselineShape.equals(currentShape)) {
            problems.add(at + ": type changed from " + baselineShape + " to " + currentShape);
            return;
        }
        compareEnum(at, baseline, current, problems);
        compareRequired(at, baseline, current, problems);
        compareChildren(at + "/properties", "property", baseline.path("properties"), current.path("properties"), problems);
        compareChildren(at + "/$defs", "definition", baseline.path("$defs"), current.path("$defs"), problems);
        if (baseline.has("items")) {
            compareSchema(at + "/items", baseline.get("items"), current.path("items"), problems);
        }
    }

    /** What a value must be: its JSON type(s) and the definition it refers to; "any" when neither is given. */
    private static String shape(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            parts.add(String.join("|", texts(type)));
        } else if (type.isTextual()) {
            parts.add(type.asText());
        }
        if (schema.has("$ref")) {
            parts.add("$ref " + schema.get("$ref").asText());
        }
        return parts.isEmpty() ? "any" : String.join(" ", parts);
    }

    private static void compareEnum(String at, JsonNode baseline, JsonNode current, List<String> problems) {
        if (baseline.has("enum") && current.has("enum")) {
            Set<String> removed = texts(baseline.get("enum"));
            removed.removeAll(texts(current.get("enum")));
            removed.forEach(value -> problems.add(at + ": enum value " + value + " removed"));
        }
    }

    private static void compareRequired(String at, JsonNode baseline, JsonNode current, List<String> problems) {
        Set<String> before = texts(baseline.path("required"));
        Set<String> after = texts(current.path("required"));
        for (String name : after) {
            if (before.contains(name)) {
                continue;
            }
            problems.add(baseline.path("properties").has(name)
                    ? at + ": optional property " + name + " became required"
                    : at + ": new required property " + name);
        }
        // Consumers rely on a required property always being there.
        before.stream().filter(name -> !after.contains(name))
                .forEach(name -> problems.add(at + ": required property " + name + " became optional"));
    }

    private static void compareChildren(String at, String kind, JsonNode baseline, JsonNode current, List<String> problems) {
        baseline.fieldNames().forEachRemaining(name -> {
            if (!current.has(name)) {
                problems.add(at + ": " + kind + " " + name + " removed");
            } else {
                compareSchema(at + "/" + name, baseline.get(name), current.get(name), problems);
            }
        });
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
