package dev.oms.analytics.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oms.analytics.config.OrderServiceConfig;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Reads how many orders are in each status from order-service ({@code GET /orders/stats}), which owns them. The
 * caller's own token is forwarded, so order-service decides what the caller may see; analytics holds no credential
 * of its own for it.
 */
@ApplicationScoped
public class OrderStatsClient {

    /** How many orders are in each status (order-service's names), and in all. */
    // Read by Jackson outside a REST signature, so a native image must be told to keep its constructor.
    @RegisterForReflection
    public record OrderCounts(long total, Map<String, Long> byStatus) {
    }

    private final OrderServiceConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public OrderStatsClient(OrderServiceConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .build();
    }

    /**
     * The counts, asked for with {@code rawToken} as bearer token.
     *
     * @throws ProblemException 503 when order-service cannot be reached in time or does not answer 200 with counts
     */
    public OrderCounts read(String rawToken) {
        // Appended rather than resolved, so a base URL with a path (behind a gateway) keeps it.
        URI stats = URI.create(config.url().toString().replaceAll("/+$", "") + "/orders/stats");
        HttpRequest request = HttpRequest.newBuilder(stats)
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + rawToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable("cannot reach it at " + config.url() + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking it");
        }
        if (response.statusCode() != 200) {
            throw unavailable("GET " + stats + " answered HTTP " + response.statusCode());
        }
        try {
            OrderCounts counts = json.readValue(response.body(), OrderCounts.class);
            if (counts.byStatus() == null) {
                throw unavailable("GET " + stats + " answered without byStatus");
            }
            return counts;
        } catch (JsonProcessingException e) {
            throw unavailable("GET " + stats + " answered something other than order counts");
        }
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(503, "Service unavailable", "order-service unavailable: " + why, Map.of());
    }
}
