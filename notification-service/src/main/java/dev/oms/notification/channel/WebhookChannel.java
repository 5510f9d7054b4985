package dev.oms.notification.channel;

import dev.oms.notification.config.NotificationConfig;
import dev.oms.notification.domain.Channel;
import dev.oms.platform.webhook.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * POSTs the notification's JSON to the configured URL, signed like every OMS webhook ({@link WebhookSignature}):
 * {@code X-OMS-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with {@code X-OMS-Timestamp}. A 2xx
 * answer is delivery; a 5xx, 408, 429 or no answer is retried; any other answer is final.
 */
@ApplicationScoped
public class WebhookChannel implements NotificationChannel {

    public static final String EVENT_ID_HEADER = "X-OMS-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-OMS-Timestamp";
    public static final String SIGNATURE_HEADER = "X-OMS-Signature";

    private final NotificationConfig.Webhook config;
    private final WebhookSignature signature;
    private final HttpClient http;

    public WebhookChannel(NotificationConfig config) {
        this.config = config.webhook();
        // The tolerance only matters to receivers checking signatures; this side only signs.
        this.signature = new WebhookSignature(this.config.secret(), Duration.ZERO);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.timeout())
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery) {
        URI target = config.url().orElseThrow(() -> DeliveryException.permanent(
                "no webhook URL is configured (oms.notifications.webhook.url)"));
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, delivery.eventId().toString())
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, signature.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw DeliveryException.retryable("webhook " + target + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("webhook " + target + ": interrupted", e);
        }
        if (status / 100 == 2) {
            return;
        }
        String failure = "webhook " + target + " answered HTTP " + status;
        if (status >= 500 || status == 408 || status == 429) {
            throw DeliveryException.retryable(failure);
        }
        throw DeliveryException.permanent(failure);
    }
}
