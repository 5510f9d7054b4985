package dev.oms.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Optional;

/** The parts of an RFC 9457 problem+json body that the CLI shows: {@code <title>: <detail> (field: <field>)}. */
public record ProblemDetails(String title, String detail, String field) {

    /** The problem in a response body, or empty when the body is not a problem document. */
    public static Optional<ProblemDetails> parse(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject() || !node.hasNonNull("title")) {
                return Optional.empty();
            }
            return Optional.of(new ProblemDetails(text(node, "title"), text(node, "detail"), text(node, "field")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public String message() {
        StringBuilder message = new StringBuilder(title);
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail);
        }
        if (field != null && !field.isBlank()) {
            message.append(" (field: ").append(field).append(')');
        }
        return message.toString();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
