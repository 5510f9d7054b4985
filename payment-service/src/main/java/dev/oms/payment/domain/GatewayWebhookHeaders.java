package dev.oms.payment.domain;

/** The headers that carry the payment gateway's webhook signature (see the platform's {@code WebhookSignature}). */
public final class GatewayWebhookHeaders {

    public static final String TIMESTAMP = "Gateway-Timestamp";
    public static final String SIGNATURE = "Gateway-Signature";

    private GatewayWebhookHeaders() {
    }
}
