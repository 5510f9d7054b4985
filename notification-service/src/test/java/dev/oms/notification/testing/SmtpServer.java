package dev.oms.notification.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A real SMTP server (GreenMail) on the port the application sends to, for as long as a test keeps it open. */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private SmtpServer(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static SmtpServer start() {
        return new SmtpServer(ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class));
    }

    /** The messages received with this {@code X-OMS-Event-Id} header. */
    public List<MimeMessage> withEventId(UUID eventId) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> eventId.toString().equals(header(m))).toList();
    }

    private static String header(MimeMessage message) {
        try {
            return message.getHeader("X-OMS-Event-Id", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
