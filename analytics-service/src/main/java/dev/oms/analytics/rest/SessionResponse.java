package dev.oms.analytics.rest;

import java.time.Instant;

/** Who is signed in, and until when (the token's expiry, when the cookie goes too). */
public record SessionResponse(String subject, Instant expiresAt) {
}
