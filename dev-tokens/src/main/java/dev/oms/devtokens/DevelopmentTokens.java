package dev.oms.devtokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints JWTs (RS256) signed with the DEVELOPMENT key, for local runs and tests only. The services accept them
 * only while they run with the development issuer and public key, their local defaults; production configures the
 * real issuer and its public key, so these tokens are refused there.
 */
public final class DevelopmentTokens {

    /** The {@code iss} of every development token, and the services' default {@code mp.jwt.verify.issuer}. */
    public static final String ISSUER = "https://oms.local/development";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private static final String PRIVATE_KEY = "/dev/oms/devtokens/development-only-jwt-private-key.pem";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private DevelopmentTokens() {
    }

    /** A token for {@code subject} (a customer's email for the customer role) with {@code roles}, valid 8 hours. */
    public static String mint(String subject, Collection<String> roles) {
        return mint(subject, roles, Instant.now(), DEFAULT_LIFETIME);
    }

    public static String mint(String subject, Collection<String> roles, Instant issuedAt, Duration lifetime) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one role");
        }
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject)
                + ",\"groups\":[" + roles.stream().map(DevelopmentTokens::json).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + issuedAt.plus(lifetime).getEpochSecond()
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the development key", e);
        }
    }

    /** The development private key (its public half is platform's default verification key). */
    public static RSAPrivateCrtKey privateKey() {
        try (InputStream pem = DevelopmentTokens.class.getResourceAsStream(PRIVATE_KEY)) {
            if (pem == null) {
                throw new IllegalStateException(PRIVATE_KEY + " is missing from the classpath");
            }
            String text = new String(pem.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                    text.indexOf("-----END PRIVATE KEY-----")).replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return (RSAPrivateCrtKey) key;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development key " + PRIVATE_KEY, e);
        }
    }

    private static String json(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
