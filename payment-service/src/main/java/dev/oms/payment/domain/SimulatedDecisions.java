package dev.oms.payment.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * The simulator's verdicts: a pure function of (seed, id) — the order id for sales, the refund id for refunds — so
 * a retried or re-delivered request gets the same answer after any crash, and a test run can be replayed.
 */
public final class SimulatedDecisions {

    private final long seed;
    private final double approvalRate;
    private final List<String> declineReasons;

    public SimulatedDecisions(long seed, double approvalRate, List<String> declineReasons) {
        if (approvalRate < 0 || approvalRate > 1) {
            throw new IllegalArgumentException("approval rate must be within [0, 1], got " + approvalRate);
        }
        if (declineReasons.isEmpty()) {
            throw new IllegalArgumentException("at least one decline reason is needed");
        }
        this.seed = seed;
        this.approvalRate = approvalRate;
        this.declineReasons = List.copyOf(declineReasons);
    }

    public GatewayDecision decide(UUID id) {
        long draw = draw(id);
        // The top 53 bits give a uniform double in [0, 1).
        double uniform = (draw >>> 11) * 0x1.0p-53;
        if (uniform < approvalRate) {
            return GatewayDecision.approve();
        }
        return GatewayDecision.decline(declineReasons.get((int) Long.remainderUnsigned(draw, declineReasons.size())));
    }

    private long draw(UUID id) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
