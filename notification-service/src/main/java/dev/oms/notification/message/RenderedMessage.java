package dev.oms.notification.message;

/** A notification ready for its channel: the payload sent, and the subject where the channel has one (email). */
public record RenderedMessage(String subject, String payload) {
}
