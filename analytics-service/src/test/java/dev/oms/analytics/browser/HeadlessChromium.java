package dev.oms.analytics.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's HTTP client and
 * WebSocket: a fresh profile in a temporary directory, one page, JavaScript evaluated in it, screenshots. Close it
 * to end the browser and delete its profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Path profile;
    private final Process process;
    private WebSocket page;

    private HeadlessChromium(Path profile, Process process) {
        this.profile = profile;
        this.process = process;
    }

    /** Starts Chromium with a viewport of {@code width} × {@code height} CSS pixels and connects to its page. */
    public static HeadlessChromium start(int width, int height) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: the dashboard's browser test needs Debian's chromium. "
                    + "./oms test installs it (as root on Debian), or: apt-get install -y chromium");
        }
        Path profile = Files.createTempDirectory("oms-chromium-");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--lang=en-US", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        HeadlessChromium chromium = new HeadlessChromium(profile, process);
        try {
            chromium.connect();
            return chromium;
        } catch (IOException | RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
    }

    private void connect() throws IOException {
        int port = debuggingPort();
        HttpResponse<String> targets = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(PATIENCE).build());
        String pageUrl = null;
        for (JsonNode target : json.readTree(targets.body())) {
            if ("page".equals(target.path("type").asText())) {
                pageUrl = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageUrl == null) {
            throw new IllegalStateException("Chromium has no page target: " + targets.body());
        }
        page = join(HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(PATIENCE)
                .buildAsync(URI.create(pageUrl), new Replies()));
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
    }

    /** The port Chromium chose: the first line of DevToolsActivePort in its profile, once it has written it. */
    private int debuggingPort() throws IOException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": " + log());
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2 && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException("Chromium wrote no DevToolsActivePort within " + PATIENCE + ": " + log());
    }

    /** Opens {@code url} and waits until its document has loaded. */
    public void navigate(URI url) {
        call("Page.navigate", Map.of("url", url.toString()));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!"complete".equals(evaluate("document.readyState").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not load within " + PATIENCE);
            }
            pause(Duration.ofMillis(50));
        }
    }

    /** The value of a JavaScript expression in the page (a promise is awaited), as JSON; null for undefined. */
    public JsonNode evaluate(String expression) {
        JsonNode reply = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (reply.has("exceptionDetails")) {
            JsonNode details = reply.get("exceptionDetails");
            throw new IllegalStateException("JavaScript failed: "
                    + details.path("exception").path("description").asText(details.path("text").asText())
                    + "\nin: " + expression);
        }
        return reply.path("result").path("value");
    }

    /** A PNG of the whole page (the viewport grows to the page's height first). */
    public void screenshot(Path file) throws IOException {
        int width = evaluate("document.documentElement.clientWidth").asInt();
        int height = evaluate("document.documentElement.scrollHeight").asInt();
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Sends one DevTools command and waits for its result. */
    public JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", json.valueToTree(params));
        try {
            join(page.sendText(json.writeValueAsString(command), true));
            JsonNode answer = join(reply);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pending.remove(id);
        }
    }

    /** Collects the frames of each message and hands every reply to the command waiting for it. */
    private final class Replies implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode reply = json.readTree(message.toString());
                    CompletableFuture<JsonNode> waiting = reply.has("id") ? pending.get(reply.get("id").asInt()) : null;
                    if (waiting != null) {
                        waiting.complete(reply);
                    }
                } catch (IOException e) {
                    pending.values().forEach(waiting -> waiting.completeExceptionally(e));
                } finally {
                    message.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            pending.values().forEach(waiting -> waiting.completeExceptionally(error));
        }
    }

    /** Ends Chromium (its helper processes too) and deletes its profile; safe to call more than once. */
    @Override
    public void close() {
        if (page != null) {
            page.abort();
        }
        // Listed first: once the browser is gone its helpers are nobody's descendants any more.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteProfile();
    }

    private void deleteProfile() {
        if (!Files.exists(profile)) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("HeadlessChromium: cannot delete " + profile + ": " + e);
        }
    }

    private String log() {
        try {
            String text = Files.readString(profile.resolve("chromium.log"));
            return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("DevTools: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("DevTools did not answer within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
