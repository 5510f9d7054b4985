package dev.oms.payment.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.PermitAll;
import dev.oms.platform.rest.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.GatewayWebhookHeaders;
import dev.oms.payment.domain.SaleResult;
import dev.oms.platform.webhook.SignatureCheck;
import dev.oms.payment.domain.WebhookRejection;
import dev.oms.platform.webhook.WebhookSignature;
import dev.oms.payment.service.PaymentProcessor;
import dev.oms.payment.service.WebhookRejections;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The payment gateway's webhook. The signature is checked over the raw body bytes before anything is parsed;
 * refused calls answer 401 and are recorded.
 */
@Path("/gateway/webhooks")
// The body is read with the ObjectMapper rather than by the REST layer, so native builds need it registered.
@RegisterForReflection(targets = SaleResult.class)
public class GatewayWebhookResource {

    private final WebhookSignature signature;
    private final WebhookRejections rejections;
    private final PaymentProcessor payments;
    private final ObjectMapper json;

    public GatewayWebhookResource(PaymentConfig config, WebhookRejections rejections, PaymentProcessor payments,
                                  ObjectMapper json) {
        this.signature = new WebhookSignature(config.webhook().secret(), config.webhook().tolerance());
        this.rejections = rejections;
        this.payments = payments;
        this.json = json;
    }

    /** 200 whether the result was applied now or is a duplicate (a retried delivery); 404 for an unknown payment. */
    @POST
    @PermitAll // the gateway has no bearer token: each call is HMAC-signed instead
    public WebhookReceipt receive(byte[] body,
                                  @HeaderParam(GatewayWebhookHeaders.TIMESTAMP) String timestamp,
                                  @HeaderParam(GatewayWebhookHeaders.SIGNATURE) String signatureHeader) {
        SignatureCheck check = signature.check(timestamp, signatureHeader, body, Instant.now());
        if (check != SignatureCheck.VALID) {
            rejections.record(check, signatureHeader, body);
            throw new ProblemException(401, "Unauthorized", check.detail(), Map.of("reason", check.name()));
        }
        SaleResult result = parse(body);
        boolean applied = payments.settle(result);
        return new WebhookReceipt(result.paymentId(), !applied);
    }

    /** Refused webhook calls, newest first. */
    @GET
    @Path("/rejections")
    @RolesAllowed(Roles.ADMIN)
    public Page<WebhookRejectionView> rejections(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var query = WebhookRejection.<WebhookRejection>findAll(
                Sort.by("receivedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending));
        return new Page<>(query.page(page, size).list().stream().map(WebhookRejectionView::of).toList(),
                page, size, query.count());
    }

    private SaleResult parse(byte[] body) {
        try {
            return json.readValue(body, SaleResult.class);
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "The body is not a valid sale result");
        }
    }
}
