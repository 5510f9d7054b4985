package dev.oms.payment.rest;

import dev.oms.platform.webhook.SignatureCheck;
import dev.oms.payment.domain.WebhookRejection;

import java.time.Instant;
import java.util.UUID;

public record WebhookRejectionView(UUID id, Instant receivedAt, SignatureCheck reason, String signatureHeader,
                                   String bodySha256) {

    static WebhookRejectionView of(WebhookRejection rejection) {
        return new WebhookRejectionView(rejection.id, rejection.receivedAt, rejection.reason, rejection.signatureHeader,
                rejection.bodySha256);
    }
}
