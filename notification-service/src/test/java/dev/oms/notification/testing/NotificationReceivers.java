package dev.oms.notification.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Picks the loopback ports of the SMTP server and the webhook receiver for the application under test. The servers
 * themselves are started and stopped by the tests ({@link SmtpServer}, {@link WebhookReceiver}), so a test can take
 * one away; nothing listens on a port while no test runs its server.
 */
public class NotificationReceivers implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_PATH = "/oms-notifications";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(freePort()),
                "oms.notifications.webhook.url", "http://127.0.0.1:" + freePort() + WEBHOOK_PATH);
    }

    @Override
    public void stop() {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
