package dev.oms.notification.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A real HTTP server (the JDK's) at the webhook URL the application posts to: records every call and answers with the
 * status a test chooses (200 unless told otherwise).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as received; {@code answered} is the status it got. */
    public record Call(String eventIdHeader, String timestamp, String signature, byte[] body, JsonNode json,
                       int answered) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<JsonNode> answer = body -> 200;

    private WebhookReceiver(URI url) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", url.getPort()), 0);
        server.createContext(url.getPath(), this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(ConfigProvider.getConfig().getValue("oms.notifications.webhook.url", URI.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How to answer each call, from its JSON body. */
    public void answer(ToIntFunction<JsonNode> answer) {
        this.answer = answer;
    }

    public List<Call> callsFor(UUID eventId) {
        return calls.stream().filter(call -> eventId.toString().equals(call.json().path("eventId").asText())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = JSON.readTree(body);
            int status = answer.applyAsInt(json);
            calls.add(new Call(exchange.getRequestHeaders().getFirst("X-OMS-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-OMS-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-OMS-Signature"), body, json, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
