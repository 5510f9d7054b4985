package dev.oms.analytics.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** Who is signed in, and until when (the token's expiry, when the cookie goes too). */
// Returned inside a Response, which hides its type from Quarkus: a native image must be told to keep its accessors.
@RegisterForReflection
public record SessionResponse(String subject, Instant expiresAt) {
}
