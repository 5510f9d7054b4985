package dev.oms.platform.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown by resources and services for an error the client should see as problem+json with this status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    /** 400 naming the offending field. */
    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Invalid request", detail, Map.of("field", field));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist", Map.of());
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "Conflict", detail, extensions);
    }

    public static ProblemException unprocessable(String detail, Map<String, Object> extensions) {
        return new ProblemException(422, "Unprocessable request", detail, extensions);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(null, title, status, getMessage(), instance, new LinkedHashMap<>(extensions));
    }
}
