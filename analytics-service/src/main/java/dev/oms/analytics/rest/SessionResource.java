package dev.oms.analytics.rest;

import dev.oms.analytics.config.SessionConfig;
import dev.oms.platform.rest.Problem;
import dev.oms.platform.rest.ProblemException;
import dev.oms.platform.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * The dashboard's sign-in: a token becomes an HttpOnly cookie, which smallrye-jwt reads like a bearer header
 * ({@code mp.jwt.token.cookie}), because the browser's EventSource cannot send an Authorization header. Page
 * scripts never see the token again once it is in the cookie.
 * <p>
 * Cookies invite cross-site request forgery. The cookie is {@code SameSite=Strict}, so a browser never sends it
 * with a request another site starts, and no endpoint changes anything on a cross-site GET. Sign-in takes JSON
 * only: another site can post a form (or a no-cors fetch) only as form data or text/plain, which is refused with
 * 415, and a cross-site JSON request needs a CORS preflight this service does not grant, so nobody can be signed in
 * with somebody else's token either.
 */
@Path("/session")
@Tag(name = "Session")
public class SessionResource {

    /** The cookie's name; application.properties names it to smallrye-jwt as {@code mp.jwt.token.cookie}. */
    static final String COOKIE = "oms_session";

    private final JWTParser tokens;
    private final SessionConfig config;

    public SessionResource(JWTParser tokens, SessionConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in to the dashboard with an analyst token",
            description = "Verifies the token (signature, issuer, expiry) and that it grants the analyst role, then "
                    + "sets it as the HttpOnly, SameSite=Strict cookie `" + COOKIE + "`, which authorizes the "
                    + "dashboard's requests (event streams included) until the token expires. JSON only.")
    @APIResponse(responseCode = "200", description = "Signed in; the answer sets the cookie")
    @APIResponse(responseCode = "400", description = "No token in the body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The token is not valid: expired, of another issuer, or badly signed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant the analyst role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // Open: the token in the body is what this checks; an Authorization header or cookie plays no part.
    @PermitAll
    public Response signIn(SessionRequest request) {
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw ProblemException.badRequest("token", "a token is required");
        }
        String raw = request.token().trim();
        JsonWebToken token;
        try {
            token = tokens.parse(raw);
        } catch (ParseException e) {
            throw new AuthenticationFailedException(e);
        }
        if (!token.getGroups().contains(Roles.ANALYST)) {
            throw new ForbiddenException("the dashboard needs the analyst role");
        }
        Instant expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
        // Parsing allows some clock skew: a token in that grace period has no life left to give the cookie.
        long remainingSeconds = expiresAt.getEpochSecond() - Instant.now().getEpochSecond();
        if (remainingSeconds <= 0) {
            throw new AuthenticationFailedException("the token has expired");
        }
        return Response.ok(new SessionResponse(token.getSubject(), expiresAt))
                .cookie(cookie(raw, (int) Math.min(remainingSeconds, Integer.MAX_VALUE)))
                .build();
    }

    @DELETE
    @Operation(summary = "Sign out of the dashboard", description = "Clears the session cookie.")
    @APIResponse(responseCode = "204", description = "Signed out (also when nobody was signed in)")
    // Open: signing out must work with an expired cookie too, and clearing a cookie grants nothing.
    @PermitAll
    public Response signOut() {
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
