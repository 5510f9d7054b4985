package dev.oms.platform.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The one signature of OMS webhooks, sent and received: a signature header {@code v1=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>} over the raw body bytes, with a timestamp header {@code <epoch seconds>}. Signing the
 * timestamp with the body lets the receiver refuse replays older than the tolerance. Each webhook names its headers.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION_PREFIX = "v1=";

    private final SecretKeySpec key;
    private final Duration tolerance;

    public WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the timestamp tolerance must not be negative");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = tolerance;
    }

    /** The signature header value for this timestamp and body. */
    public String sign(long epochSeconds, byte[] body) {
        return VERSION_PREFIX + HexFormat.of().formatHex(hmac(epochSeconds, body));
    }

    public SignatureCheck check(String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return SignatureCheck.MISSING_TIMESTAMP;
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return SignatureCheck.MISSING_SIGNATURE;
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return SignatureCheck.MALFORMED_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - epochSeconds) > tolerance.toSeconds()) {
            return SignatureCheck.STALE_TIMESTAMP;
        }
        // Constant-time comparison, so response timing does not reveal how much of a forged signature was right.
        byte[] expected = sign(epochSeconds, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? SignatureCheck.VALID : SignatureCheck.BAD_SIGNATURE;
    }

    private byte[] hmac(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the JDK", e);
        }
    }

    /** Hex SHA-256 of a body: what a rejection records instead of the body itself. */
    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
