package dev.oms.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed send is tried again: exponential back-off from {@code initialBackoff}, doubling per attempt up to
 * {@code maxBackoff}, and no more tries once {@code maxAttempts} sends have failed.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    public RetryPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("the initial back-off must be positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("the maximum back-off must not be below the initial one");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }

    /**
     * After the {@code attemptsMade}-th failed attempt (1 for the first), when to try again; empty when that was the
     * last attempt allowed.
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(backoff(attemptsMade)));
    }

    /** The wait after the {@code attemptsMade}-th failure: initial × 2^(attemptsMade − 1), capped. */
    public Duration backoff(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long millis = initialBackoff.toMillis();
        long capped = maxBackoff.toMillis();
        for (int i = 0; i < doublings && millis < capped; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capped));
    }
}
