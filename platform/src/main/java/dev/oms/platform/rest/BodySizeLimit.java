package dev.oms.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Refuses a request whose declared Content-Length is over {@code quarkus.http.limits.max-body-size} with 413 as
 * problem+json naming the limit, before anything reads the body. A chunked body has no declared length: Quarkus
 * itself cuts it off at the same limit while it arrives (with a plain 413).
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Ahead of Quarkus's own length check, so that the client gets the one OMS error format. */
    private static final int ROUTE_ORDER = -10;

    private final long maxBytes;
    private final String limitSetting;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") String limitSetting,
                         ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.limitSetting = limitSetting;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared <= maxBytes) {
            context.next();
            return;
        }
        Problem problem = new Problem(null, "Content too large", 413,
                "The request body is " + declared + " bytes; this endpoint takes at most " + limitSetting
                        + " (" + maxBytes + " bytes)",
                context.request().path(), Map.of("limit", "max-body-size", "maxBytes", maxBytes));
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(write(problem));
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }
}
