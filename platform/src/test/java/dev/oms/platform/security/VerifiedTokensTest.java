package dev.oms.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final CountingVerifier verifier = new CountingVerifier();

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        JsonWebToken first = tokens.parse("token-a");
        JsonWebToken again = tokens.parse("token-a");

        assertSame(first, again);
        assertEquals(List.of("token-a"), verifier.verified);
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        tokens.parse("token-a");
        tokens.parse("token-b");

        assertEquals(List.of("token-a", "token-b"), verifier.verified);
    }

    @Test
    void anExpiredTokenIsVerifiedAgain() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        tokens.parse("token-a");
        now.set(NOW.plusSeconds(CountingVerifier.LIFETIME_SECONDS - 1));
        tokens.parse("token-a");
        now.set(NOW.plusSeconds(CountingVerifier.LIFETIME_SECONDS));
        verifier.refuse = true;

        assertThrows(ParseException.class, () -> tokens.parse("token-a"));
        assertEquals(List.of("token-a", "token-a"), verifier.verified);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        verifier.refuse = true;

        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), verifier.verified);
    }

    /** Accepts every token for an hour from NOW, unless told to refuse. */
    private static final class CountingVerifier extends DefaultJWTParser {

        static final long LIFETIME_SECONDS = 3600;

        final List<String> verified = new ArrayList<>();
        boolean refuse;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (refuse) {
                throw new ParseException("refused " + token);
            }
            return new FakeToken(token, NOW.getEpochSecond() + LIFETIME_SECONDS);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            return parse(token);
        }
    }

    private record FakeToken(String raw, long exp) implements JsonWebToken {

        @Override
        public String getName() {
            return raw;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.of("exp", (Object) exp).get(claimName);
        }

        @Override
        public long getExpirationTime() {
            return exp;
        }
    }
}
