package dev.oms.payment.domain;

import dev.oms.platform.ids.Uuids;
import dev.oms.platform.webhook.SignatureCheck;
import dev.oms.platform.webhook.WebhookSignature;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook call refused as unauthenticated: kept for investigation. The body is recorded only as its SHA-256,
 * so a forged call cannot make us store arbitrary content.
 */
@Entity
@Table(name = "webhook_rejection")
public class WebhookRejection extends PanacheEntityBase {

    /** Longer headers are cut to fit the column; a valid one is 67 characters. */
    private static final int MAX_SIGNATURE_HEADER = 255;

    @Id
    public UUID id;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public SignatureCheck reason;

    @Column(name = "signature_header")
    public String signatureHeader;

    @Column(name = "body_sha256")
    public String bodySha256;

    public static WebhookRejection of(SignatureCheck reason, String signatureHeader, byte[] body, Instant now) {
        WebhookRejection rejection = new WebhookRejection();
        rejection.id = Uuids.timeOrdered();
        rejection.receivedAt = now;
        rejection.reason = reason;
        rejection.signatureHeader = signatureHeader == null || signatureHeader.length() <= MAX_SIGNATURE_HEADER
                ? signatureHeader : signatureHeader.substring(0, MAX_SIGNATURE_HEADER);
        rejection.bodySha256 = WebhookSignature.sha256Hex(body);
        return rejection;
    }
}
