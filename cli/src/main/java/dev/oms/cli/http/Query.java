package dev.oms.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds a URL query string, leaving out parameters that were not given. */
public final class Query {

    private final StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");

    public static Query create() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    /** {@code path} followed by the query string, if any parameter was given. */
    public String appendTo(String path) {
        return path + parameters;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
