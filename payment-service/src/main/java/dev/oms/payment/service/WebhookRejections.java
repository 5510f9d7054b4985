package dev.oms.payment.service;

import dev.oms.platform.webhook.SignatureCheck;
import dev.oms.payment.domain.WebhookRejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Keeps a record of every refused webhook call. */
@ApplicationScoped
public class WebhookRejections {

    private static final Logger LOG = Logger.getLogger(WebhookRejections.class);

    /** In its own transaction: the refusal that follows must not take the record with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SignatureCheck reason, String signatureHeader, byte[] body) {
        WebhookRejection rejection = WebhookRejection.of(reason, signatureHeader, body, Instant.now());
        rejection.persist();
        LOG.warnf("Gateway webhook refused (%s); rejection %s, body sha256 %s", reason, rejection.id,
                rejection.bodySha256);
    }
}
