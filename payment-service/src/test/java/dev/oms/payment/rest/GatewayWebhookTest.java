package dev.oms.payment.rest;

import dev.oms.infra.OmsTestInfra;
import dev.oms.payment.GatewayTestSupport;
import dev.oms.payment.config.PaymentConfig;
import dev.oms.payment.domain.SaleOutcome;
import dev.oms.payment.domain.SaleResult;
import dev.oms.platform.webhook.WebhookSignature;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.payment.GatewayTestSupport.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The webhook's front door: who gets in, and what is kept of those who do not. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_payments"))
class GatewayWebhookTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    PaymentConfig config;

    private GatewayTestSupport gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayTestSupport(config);
    }

    @Test
    void forgedSignatureIs401ProblemAndRecordedWithoutTheBody() {
        byte[] body = anyResult();
        String forged = "v1=" + "0".repeat(64);
        post(body, Long.toString(Instant.now().getEpochSecond()), forged)
                .statusCode(401).contentType(PROBLEM)
                .body("title", equalTo("Unauthorized"))
                .body("reason", equalTo("BAD_SIGNATURE"))
                .body("detail", not(containsString(config.webhook().secret())));

        String sha256 = WebhookSignature.sha256Hex(body);
        String match = "items.find { it.bodySha256 == '" + sha256 + "' }";
        asStaff().get("/gateway/webhooks/rejections?size=200").then().statusCode(200)
                .body(match + ".reason", equalTo("BAD_SIGNATURE"))
                .body(match + ".signatureHeader", equalTo(forged))
                .body(match + ".receivedAt", not(nullValue()));
    }

    @Test
    void missingHeadersAre401() {
        byte[] body = anyResult();
        post(body, null, null).statusCode(401).contentType(PROBLEM).body("reason", equalTo("MISSING_TIMESTAMP"));
        post(body, Long.toString(Instant.now().getEpochSecond()), null)
                .statusCode(401).contentType(PROBLEM).body("reason", equalTo("MISSING_SIGNATURE"));
        asStaff().get("/gateway/webhooks/rejections?size=200").then().statusCode(200)
                .body("items.findAll { it.bodySha256 == '" + WebhookSignature.sha256Hex(body) + "' }.reason",
                        equalTo(List.of("MISSING_SIGNATURE", "MISSING_TIMESTAMP")));
    }

    @Test
    void correctlySignedButSixMinutesOldIsAReplayAnd401() {
        byte[] body = anyResult();
        long sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        post(body, Long.toString(sixMinutesAgo), gateway.sign(sixMinutesAgo, body))
                .statusCode(401).contentType(PROBLEM).body("reason", equalTo("STALE_TIMESTAMP"));
    }

    @Test
    void signedResultForAnUnknownPaymentIs404SoTheGatewayRetries() {
        gateway.postSigned(anyResult()).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void signedBodyThatIsNotASaleResultIs400() {
        gateway.postSigned("{\"paymentId\":\"nope\"}".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("body"));
    }

    @Test
    void rejectionPagesAreAtMost200() {
        asStaff().get("/gateway/webhooks/rejections?size=201").then().statusCode(400).contentType(PROBLEM);
    }

    private static byte[] anyResult() {
        return GatewayTestSupport.body(new SaleResult(UUID.randomUUID(), UUID.randomUUID(), SaleOutcome.APPROVED, null,
                100, "USD"));
    }
}
