package dev.oms.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns every error a resource can raise into problem+json, so clients parse one format across services. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidEndpointInput(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : null;
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (field != null && !field.isEmpty()) {
            extensions.put("field", field);
        }
        String detail = field == null || field.isEmpty()
                ? "The request body is not valid JSON"
                : "The value of '" + field + "' has the wrong type or format";
        return respond(new Problem(null, "Invalid request", 400, detail, path(uri), extensions));
    }

    // Authentication runs when an endpoint needs it (not proactively), so its failures arrive here as exceptions.
    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("This endpoint needs a bearer token", uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated("The bearer token is not valid: expired, of another issuer, or badly signed", uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(null, "Forbidden", 403, "The token's roles do not allow this", path(uri), Map.of()));
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(null, "Unauthorized", 401, detail, path(uri), Map.of())))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem(null, status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), path(uri), Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(null, "Internal error", 500,
                "The request failed unexpectedly; quote error id " + errorId + " when reporting it", path(uri),
                Map.of("errorId", errorId)));
    }

    private static Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                .collect(Collectors.joining("; "));
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (!violations.isEmpty()) {
            extensions.put("field", violations.get(0).get("field"));
        }
        extensions.put("violations", violations);
        return respond(new Problem(null, "Invalid request", 400, detail, path(uri), extensions));
    }

    /** The property path without the method and parameter name Hibernate Validator puts in front. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
