package dev.oms.analytics.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.oms.analytics.config.OrderServiceConfig;
import dev.oms.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order-service client against a small HTTP server of the test's own, and against nobody at all. */
class OrderStatsClientTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void asksTheStatsUnderTheBaseUrlsPathWithTheCallersToken() throws IOException {
        AtomicReference<String> path = new AtomicReference<>();
        AtomicReference<String> authorization = new AtomicReference<>();
        URI base = serve(exchange -> {
            path.set(exchange.getRequestURI().getPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"total\":3,\"byStatus\":{\"COMPLETED\":2,\"FAILED\":1}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        OrderStatsClient.OrderCounts counts = client(URI.create(base + "/gateway/")).read("the.raw.token");

        assertEquals(new OrderStatsClient.OrderCounts(3, Map.of("COMPLETED", 2L, "FAILED", 1L)), counts);
        assertEquals("/gateway/orders/stats", path.get());
        assertEquals("Bearer the.raw.token", authorization.get());
    }

    @Test
    void anAnswerOtherThanCountsIsUnavailable() throws IOException {
        URI base = serve(exchange -> {
            byte[] body = "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        assertUnavailable(client(base));
    }

    @Test
    void nobodyListeningIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertUnavailable(client(URI.create("http://127.0.0.1:" + closedPort)));
    }

    private static void assertUnavailable(OrderStatsClient client) {
        ProblemException problem = assertThrows(ProblemException.class, () -> client.read("token"));
        assertEquals(503, problem.status());
        assertTrue(problem.getMessage().startsWith("order-service unavailable: "), problem.getMessage());
    }

    private URI serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static OrderStatsClient client(URI url) {
        OrderServiceConfig config = new OrderServiceConfig() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(2);
            }
        };
        return new OrderStatsClient(config, new ObjectMapper());
    }
}
