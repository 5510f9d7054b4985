package dev.oms.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.oms.events.EventCodec;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.rest.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs the work of a request that carries an {@code Idempotency-Key} once per (scope, key), as the design asks of
 * {@code POST /orders} and refunds:
 * <ul>
 *   <li>the first request claims the key in a transaction of its own, then does its work and records what it
 *       created in another, so the key is complete exactly when the work committed;</li>
 *   <li>the same key and body again → the first answer ({@code replayed});</li>
 *   <li>the same key with another body → 422;</li>
 *   <li>the same key while the first request still runs → 409, so a client retrying too fast learns to wait;</li>
 *   <li>work that fails (a refused request, a crash) gives the key back, so the client may send it again; a claim
 *       left by a process that died is taken over once it is {@link #ABANDONED_AFTER} old.</li>
 * </ul>
 * Keys are kept for the housekeeping window (at least 24 hours). Needs the platform's {@code idempotency_key}
 * table ({@code db/platform}).
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.idempotency.enabled", stringValue = "true")
public class IdempotencyKeys {

    /** Longer than any request runs; a claim this old belongs to a process that died mid-request. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final String HEADER = "Idempotency-Key";
    private static final String INSERT = """
            INSERT IGNORE INTO idempotency_key (scope, idem_key, request_sha256, created_at) VALUES (?, ?, ?, ?)""";
    private static final String SELECT = """
            SELECT request_sha256, resource_id, created_at FROM idempotency_key WHERE scope = ? AND idem_key = ?""";
    private static final String COMPLETE = "UPDATE idempotency_key SET resource_id = ? WHERE scope = ? AND idem_key = ?";
    private static final String RELEASE = "DELETE FROM idempotency_key WHERE scope = ? AND idem_key = ? AND resource_id IS NULL";
    private static final String TAKE_OVER = """
            UPDATE idempotency_key SET created_at = ?
            WHERE scope = ? AND idem_key = ? AND resource_id IS NULL AND created_at = ?""";

    private final AgroalDataSource dataSource;

    public IdempotencyKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a request with a key got: the id of what the first request created, and whether this is a replay. */
    public record Result(UUID resourceId, boolean replayed) {
    }

    /**
     * Runs {@code work} in a transaction of its own unless this (scope, key) was used before; must be called
     * outside a transaction.
     *
     * @param requestSha256 a fingerprint of the request body: the same key with another body is refused
     * @param work          creates the resource and returns its id
     */
    public Result once(String scope, String key, String requestSha256, Supplier<UUID> work) {
        Result earlier = QuarkusTransaction.requiringNew().call(() -> claim(scope, key, requestSha256));
        if (earlier != null) {
            return earlier;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                UUID created = work.get();
                update(COMPLETE, Uuids.toBytes(created), scope, key);
                return new Result(created, false);
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> update(RELEASE, scope, key));
            throw e;
        }
    }

    /** The SHA-256 (hex) of a request body as JSON: what tells "the same request again" from another one. */
    public static String fingerprint(Object requestBody) {
        try {
            byte[] canonical = EventCodec.mapper().writeValueAsBytes(requestBody);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /** Null when this request now owns the key; else the earlier answer (or a 409/422 problem). */
    private Result claim(String scope, String key, String requestSha256) {
        Timestamp now = Timestamp.from(Instant.now());
        // The first request may give the key back between our insert and our read: then the insert is tried again.
        for (int attempt = 0; attempt < 2; attempt++) {
            if (update(INSERT, scope, key, requestSha256, now) == 1) {
                return null;
            }
            Optional<Claim> first = read(scope, key);
            if (first.isPresent()) {
                return answer(first.get(), scope, key, requestSha256, now);
            }
        }
        throw conflict(key);
    }

    private Result answer(Claim first, String scope, String key, String requestSha256, Timestamp now) {
        if (!requestSha256.equals(first.requestSha256())) {
            throw ProblemException.unprocessable(HEADER + " '" + key + "' was already used with a different request body",
                    Map.of("field", HEADER));
        }
        if (first.resourceId() != null) {
            return new Result(first.resourceId(), true);
        }
        boolean abandoned = first.claimedAt().toInstant().isBefore(Instant.now().minus(ABANDONED_AFTER));
        if (abandoned && update(TAKE_OVER, now, scope, key, first.claimedAt()) == 1) {
            return null;
        }
        throw conflict(key);
    }

    private static ProblemException conflict(String key) {
        return ProblemException.conflict("a request with " + HEADER + " '" + key + "' is still being processed; "
                + "send it again in a moment to get its answer", Map.of("field", HEADER));
    }

    private record Claim(String requestSha256, UUID resourceId, Timestamp claimedAt) {
    }

    private Optional<Claim> read(String scope, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] resource = row.getBytes(2);
                return Optional.of(new Claim(row.getString(1), resource == null ? null : Uuids.fromBytes(resource),
                        row.getTimestamp(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read idempotency key", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write idempotency key", e);
        }
    }
}
