package dev.oms.platform.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookSignatureTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final WebhookSignature SIGNATURE = new WebhookSignature("test-secret", TOLERANCE);
    private static final byte[] BODY = "{\"paymentId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    private static final long TIMESTAMP = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signatureIsHexHmacSha256OfTimestampDotBody() {
        // printf '1700000000.{"paymentId":"x"}' | openssl dgst -sha256 -hmac test-secret
        assertEquals("v1=663ad0e82fcdc9a1cc3b1fdb25f1d521c9265dcefbae6b30dec6eb7b61a08120", SIGNATURE.sign(TIMESTAMP, BODY));
    }

    @Test
    void ownSignatureVerifies() {
        assertEquals(SignatureCheck.VALID, check(Long.toString(TIMESTAMP), SIGNATURE.sign(TIMESTAMP, BODY), BODY));
    }

    @Test
    void oneTamperedByteInTheBodyFails() {
        String header = SIGNATURE.sign(TIMESTAMP, BODY);
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;
        assertEquals(SignatureCheck.BAD_SIGNATURE, check(Long.toString(TIMESTAMP), header, tampered));
    }

    @Test
    void tamperedSignatureOrTimestampOrAnotherSecretFails() {
        String header = SIGNATURE.sign(TIMESTAMP, BODY);
        char last = header.charAt(header.length() - 1);
        String tampered = header.substring(0, header.length() - 1) + (last == '0' ? '1' : '0');
        assertEquals(SignatureCheck.BAD_SIGNATURE, check(Long.toString(TIMESTAMP), tampered, BODY));
        assertEquals(SignatureCheck.BAD_SIGNATURE, check(Long.toString(TIMESTAMP + 1), header, BODY));
        String otherSecret = new WebhookSignature("another-secret", TOLERANCE).sign(TIMESTAMP, BODY);
        assertEquals(SignatureCheck.BAD_SIGNATURE, check(Long.toString(TIMESTAMP), otherSecret, BODY));
        assertEquals(SignatureCheck.BAD_SIGNATURE, check(Long.toString(TIMESTAMP), "v1=", BODY));
    }

    @Test
    void missingOrMalformedHeadersAreNamed() {
        String header = SIGNATURE.sign(TIMESTAMP, BODY);
        assertEquals(SignatureCheck.MISSING_TIMESTAMP, check(null, header, BODY));
        assertEquals(SignatureCheck.MISSING_TIMESTAMP, check(" ", header, BODY));
        assertEquals(SignatureCheck.MISSING_SIGNATURE, check(Long.toString(TIMESTAMP), null, BODY));
        assertEquals(SignatureCheck.MALFORMED_TIMESTAMP, check("2023-11-14T22:13:20Z", header, BODY));
    }

    @Test
    void timestampsOutsideTheToleranceAreRefusedEvenWhenCorrectlySigned() {
        long sixMinutesAgo = TIMESTAMP - Duration.ofMinutes(6).toSeconds();
        assertEquals(SignatureCheck.STALE_TIMESTAMP,
                check(Long.toString(sixMinutesAgo), SIGNATURE.sign(sixMinutesAgo, BODY), BODY));
        long sixMinutesAhead = TIMESTAMP + Duration.ofMinutes(6).toSeconds();
        assertEquals(SignatureCheck.STALE_TIMESTAMP,
                check(Long.toString(sixMinutesAhead), SIGNATURE.sign(sixMinutesAhead, BODY), BODY));
        long fiveMinutesAgo = TIMESTAMP - TOLERANCE.toSeconds();
        assertEquals(SignatureCheck.VALID,
                check(Long.toString(fiveMinutesAgo), SIGNATURE.sign(fiveMinutesAgo, BODY), BODY));
    }

    @Test
    void emptySecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature(" ", TOLERANCE));
    }

    private static SignatureCheck check(String timestamp, String signature, byte[] body) {
        return SIGNATURE.check(timestamp, signature, body, NOW);
    }
}
