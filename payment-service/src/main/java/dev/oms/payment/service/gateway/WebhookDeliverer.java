package dev.oms.payment.service.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.GatewayWebhookHeaders;
import dev.oms.platform.webhook.WebhookSignature;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated gateway's webhook sender: posts each due answer in its ledger, signed, to the webhook and marks it
 * delivered once the webhook acknowledged it with a 2xx. Anything else is retried with a growing back-off. The
 * ledger is the queue, so answers not yet delivered are sent again after a restart; a second replica may send an
 * answer twice, which the webhook recognises as a duplicate.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.payments.gateway", stringValue = "simulator", enableIfMissing = true)
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String WEBHOOK_PATH = "/gateway/webhooks";

    private final PaymentConfig.Simulator config;
    private final WebhookSignature signature;
    private final ObjectMapper json;
    private final HttpServer httpServer;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private ScheduledExecutorService executor;

    public WebhookDeliverer(PaymentConfig config, ObjectMapper json, HttpServer httpServer) {
        this.config = config.simulator();
        this.signature = new WebhookSignature(config.webhook().secret(), config.webhook().tolerance());
        this.json = json;
        this.httpServer = httpServer;
    }

    void start(@Observes StartupEvent event) {
        long waiting = QuarkusTransaction.requiringNew().call(() -> GatewayLedgerEntry.count("deliveredAt is null"));
        if (waiting > 0) {
            LOG.infof("Gateway simulator: %d answer(s) not yet delivered; sending them now", waiting);
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::deliverDueSafely, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    // A scheduled task that throws is never run again: every failure is logged and the next run tries afresh.
    private void deliverDueSafely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Gateway simulator could not deliver its answers; trying again", e);
        }
    }

    private void deliverDue() {
        Optional<URI> webhook = target();
        if (webhook.isEmpty()) {
            return;
        }
        List<GatewayLedgerEntry> due = QuarkusTransaction.requiringNew().call(() -> GatewayLedgerEntry
                .<GatewayLedgerEntry>find("deliveredAt is null and dueAt <= ?1", Sort.by("dueAt"), Instant.now())
                .page(0, config.batchSize()).list());
        if (due.isEmpty()) {
            return;
        }
        URI target = webhook.get();
        List<CompletableFuture<String>> sends = new ArrayList<>(due.size());
        for (GatewayLedgerEntry entry : due) {
            sends.add(send(target, entry));
        }
        // Wait for every answer before opening the transaction: no connection is held while our webhook needs one.
        List<String> failures = sends.stream().map(CompletableFuture::join).toList();
        Instant now = Instant.now();
        List<UUID> delivered = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < due.size(); i++) {
                GatewayLedgerEntry entry = due.get(i);
                if (failures.get(i) == null) {
                    delivered.add(entry.paymentId);
                    continue;
                }
                Duration backoff = backoff(entry.attempts + 1);
                LOG.warnf("Gateway webhook for payment %s failed (%s), attempt %d; retrying in %s",
                        entry.paymentId, failures.get(i), entry.attempts + 1, backoff);
                GatewayLedgerEntry.update("attempts = attempts + 1, dueAt = ?1 where paymentId = ?2",
                        now.plus(backoff), entry.paymentId);
            }
            if (!delivered.isEmpty()) {
                GatewayLedgerEntry.update("deliveredAt = ?1, attempts = attempts + 1 where paymentId in ?2", now, delivered);
            }
        });
    }

    /** Posts one answer; completes with null when acknowledged, else with what went wrong. */
    private CompletableFuture<String> send(URI target, GatewayLedgerEntry entry) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(entry.toResult());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer for payment " + entry.paymentId, e);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(GatewayWebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(GatewayWebhookHeaders.SIGNATURE, signature.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                return error.toString();
            }
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        });
    }

    /** Our own webhook, once the HTTP server listens: the executor starts with the application, before it does. */
    private Optional<URI> target() {
        if (config.webhookUrl().isPresent()) {
            return config.webhookUrl();
        }
        int port = httpServer.getPort();
        return port > 0 ? Optional.of(URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH)) : Optional.empty();
    }

    private static Duration backoff(int attempts) {
        long millis = FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY.toMillis()));
    }
}
