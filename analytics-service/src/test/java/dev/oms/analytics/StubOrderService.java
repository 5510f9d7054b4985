package dev.oms.analytics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test resource: a stand-in for order-service's {@code GET /orders/stats} on a free port, which
 * {@code oms.order-service.url} points at. It answers {@link #STATS} to any bearer token and remembers the
 * Authorization headers it got. Tests steer it over HTTP (it lives outside the application's class loader):
 * {@code GET /stub/authorizations} lists the headers received, newest first; {@code PUT /stub/mode} with
 * {@code up}, {@code error} (answers 500) or {@code hang} (answers after the client's timeout).
 */
public class StubOrderService implements QuarkusTestResourceLifecycleManager {

    public static final String STATS = "{\"total\":42,\"byStatus\":{\"CANCELLED\":3,\"PAID\":30,\"DELIVERED\":5,"
            + "\"FAILED\":2,\"PENDING_PAYMENT\":2}}";
    /** What the application gets as order-service's timeout: short, so the hang test is quick. */
    public static final String CLIENT_TIMEOUT = "1s";
    private static final long HANG_MILLIS = 3_000;

    private final Deque<String> authorizations = new ConcurrentLinkedDeque<>();
    private volatile String mode = "up";
    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A hanging answer must not hold up the next request.
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/orders/stats", this::stats);
        server.createContext("/stub/authorizations", exchange ->
                answer(exchange, 200, "text/plain", String.join("\n", authorizations)));
        server.createContext("/stub/mode", exchange -> {
            mode = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
            answer(exchange, 204, "text/plain", "");
        });
        server.start();
        return Map.of("oms.order-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "oms.order-service.timeout", CLIENT_TIMEOUT);
    }

    private void stats(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "application/problem+json", "{\"status\":401}");
            return;
        }
        authorizations.addFirst(authorization);
        switch (mode) {
            case "error" -> answer(exchange, 500, "application/problem+json", "{\"status\":500}");
            case "hang" -> {
                try {
                    Thread.sleep(HANG_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200, "application/json", STATS);
            }
            default -> answer(exchange, 200, "application/json", STATS);
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The client gave up waiting (the hang mode); nobody is left to answer.
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
