package dev.oms.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryPolicyTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void backOffDoublesFromTheInitialWaitUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 10);
        assertEquals(Duration.ofSeconds(30), policy.backoff(1));
        assertEquals(Duration.ofSeconds(60), policy.backoff(2));
        assertEquals(Duration.ofSeconds(120), policy.backoff(3));
        assertEquals(Duration.ofSeconds(240), policy.backoff(4));
        assertEquals(Duration.ofMinutes(5), policy.backoff(5));
        assertEquals(Duration.ofMinutes(5), policy.backoff(1_000));
    }

    @Test
    void theNextAttemptIsTheBackOffAfterTheFailureUntilTheAttemptsAreUsedUp() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3);
        assertEquals(Optional.of(T.plusSeconds(1)), policy.nextAttempt(1, T));
        assertEquals(Optional.of(T.plusSeconds(2)), policy.nextAttempt(2, T));
        assertEquals(Optional.empty(), policy.nextAttempt(3, T));
        assertEquals(Optional.empty(), new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).nextAttempt(1, T));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    }
}
