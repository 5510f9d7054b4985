package dev.oms.devtokens;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevelopmentTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aTokenIsSignedRs256WithTheDevelopmentKey() throws Exception {
        String[] parts = DevelopmentTokens.mint("ann@example.com", List.of("customer"), ISSUED, Duration.ofHours(1)).split("\\.");

        assertEquals(3, parts.length);
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", decode(parts[0]));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(developmentPublicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signature");
    }

    @Test
    void theClaimsCarryIssuerSubjectRolesAndLifetime() {
        String claims = decode(DevelopmentTokens.mint("ann@example.com", List.of("support", "analyst"), ISSUED,
                Duration.ofHours(1)).split("\\.")[1]);

        assertTrue(claims.contains("\"iss\":\"" + DevelopmentTokens.ISSUER + "\""), claims);
        assertTrue(claims.contains("\"sub\":\"ann@example.com\""), claims);
        assertTrue(claims.contains("\"upn\":\"ann@example.com\""), claims);
        assertTrue(claims.contains("\"groups\":[\"support\",\"analyst\"]"), claims);
        assertTrue(claims.contains("\"iat\":" + ISSUED.getEpochSecond()), claims);
        assertTrue(claims.contains("\"exp\":" + ISSUED.plusSeconds(3600).getEpochSecond()), claims);
    }

    @Test
    void aSubjectCannotBreakOutOfItsClaim() {
        String claims = decode(DevelopmentTokens.mint("x\",\"groups\":[\"admin\"]", List.of("customer"), ISSUED,
                Duration.ofHours(1)).split("\\.")[1]);

        assertTrue(claims.contains("\"sub\":\"x\\\",\\\"groups\\\":[\\\"admin\\\"]\""), claims);
        assertFalse(claims.contains("\"groups\":[\"admin\"]"), claims);
    }

    @Test
    void aTokenNeedsASubjectAndARole() {
        assertThrows(IllegalArgumentException.class, () -> DevelopmentTokens.mint(" ", List.of("admin")));
        assertThrows(IllegalArgumentException.class, () -> DevelopmentTokens.mint("ops", List.of()));
    }

    private static PublicKey developmentPublicKey() throws Exception {
        RSAPrivateCrtKey key = DevelopmentTokens.privateKey();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
