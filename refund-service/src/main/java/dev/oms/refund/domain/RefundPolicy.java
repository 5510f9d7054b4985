package dev.oms.refund.domain;

import dev.oms.events.RefundStatus;

/**
 * Whether a refund may be granted, and of how much: only a paid order whose refund status is not FULL, and never
 * more than what was captured less what is already refunded or being refunded. Plain arithmetic on a snapshot;
 * the caller holds the order's row lock so that concurrent requests see each other.
 */
public final class RefundPolicy {

    private RefundPolicy() {
    }

    /** The outcome: a grant of {@code amountMinor}, or a refusal with what could still be refunded. */
    public sealed interface Decision permits Granted, Refused {
    }

    public record Granted(long amountMinor) implements Decision {
    }

    public record Refused(String reason, long remainingMinor) implements Decision {
    }

    /**
     * @param takenMinor     the order's refunds that are COMPLETED or PENDING
     * @param requestedMinor the amount asked for, or null for all that remains
     */
    public static Decision decide(RefundStatus refundStatus, long capturedMinor, long takenMinor, Long requestedMinor) {
        long remaining = Math.max(0, capturedMinor - takenMinor);
        if (refundStatus == RefundStatus.FULL || remaining == 0) {
            return new Refused("the order is already fully refunded (or its refunds in progress cover it)", 0);
        }
        if (requestedMinor == null) {
            return new Granted(remaining);
        }
        if (requestedMinor <= 0) {
            return new Refused("the amount must be positive", remaining);
        }
        if (requestedMinor > remaining) {
            return new Refused("the amount " + requestedMinor + " is more than the " + remaining
                    + " that can still be refunded", remaining);
        }
        return new Granted(requestedMinor);
    }
}
