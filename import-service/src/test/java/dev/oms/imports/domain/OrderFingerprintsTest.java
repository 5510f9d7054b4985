package dev.oms.imports.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memory of which order ids a file has shown, and on which line each started. */
class OrderFingerprintsTest {

    private final OrderFingerprints seen = new OrderFingerprints();

    @Test
    void aNewIdIsNotSeenBefore() {
        assertEquals(0, seen.firstSeen("A-1", 2));
        assertEquals(0, seen.firstSeen("B-2", 3));
        assertEquals(2, seen.size());
    }

    @Test
    void aRepeatedIdGivesTheLineItWasFirstSeenOn() {
        seen.firstSeen("A-1", 2);
        seen.firstSeen("B-2", 3);

        assertEquals(2, seen.firstSeen("A-1", 7));
        // Still the first line, not the line of the previous repeat.
        assertEquals(2, seen.firstSeen("A-1", 9));
        assertEquals(3, seen.firstSeen("B-2", 10));
        assertEquals(2, seen.size());
    }

    @Test
    void idsAreComparedExactly() {
        seen.firstSeen("A-1", 2);

        assertEquals(0, seen.firstSeen("a-1", 3));
        assertEquals(0, seen.firstSeen("A-10", 4));
        assertEquals(0, seen.firstSeen("Å-1", 5));
        assertEquals(0, seen.firstSeen("", 6));
        assertEquals(5, seen.firstSeen("Å-1", 7));
        assertEquals(5, seen.size());
    }

    @Test
    void everyIdIsRememberedAfterTheTableGrows() {
        int count = 200_000;
        for (int i = 0; i < count; i++) {
            assertEquals(0, seen.firstSeen("ORD-" + i, i + 2L), "ORD-" + i);
        }
        assertEquals(count, seen.size());

        for (int i = 0; i < count; i++) {
            assertEquals(i + 2L, seen.firstSeen("ORD-" + i, count + 2L), "ORD-" + i);
        }
        assertEquals(count, seen.size());
        assertEquals(0, seen.firstSeen("ORD-" + count, count + 2L));
        assertEquals(count + 1, seen.size());
    }
}
