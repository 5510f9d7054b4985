package dev.oms.notification.channel;

import dev.oms.notification.domain.Channel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** Plain-text email over SMTP (quarkus-mailer, {@code quarkus.mailer.*}) to the address the order was placed with. */
@ApplicationScoped
public class EmailChannel implements NotificationChannel {

    /** The event the email tells about, the same on every attempt, so a receiving system can drop repeats. */
    public static final String EVENT_ID_HEADER = "X-OMS-Event-Id";

    private final Mailer mailer;

    public EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        if (delivery.recipient() == null || delivery.recipient().isBlank()) {
            throw DeliveryException.permanent("no email address is known for customer " + delivery.customerId()
                    + " (no OrderAccepted or OrderCompleted of order " + delivery.orderId() + " was seen)");
        }
        Mail mail = Mail.withText(delivery.recipient(), delivery.subject(), delivery.payload())
                .addHeader(EVENT_ID_HEADER, delivery.eventId().toString());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            throw DeliveryException.retryable("SMTP: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
