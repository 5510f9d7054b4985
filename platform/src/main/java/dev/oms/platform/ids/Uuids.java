package dev.oms.platform.ids;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Application-assigned ids. Primary keys are time-ordered (RFC 9562 version 7) so B-tree inserts stay
 * append-mostly. Ids from one JVM are strictly increasing (the 12 {@code rand_a} bits count within a millisecond),
 * so rows written in one transaction sort in the order they were made even where the database keeps timestamps
 * only to the second (MariaDB through Connector/J).
 */
public final class Uuids {

    private static final long VERSION_7 = 0x7000L;
    private static final long COUNTER_MASK = 0x0fffL;
    private static final AtomicLong LAST_HIGH_BITS = new AtomicLong();

    private Uuids() {
    }

    public static UUID timeOrdered() {
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(nextHighBits(System.currentTimeMillis()), lsb);
    }

    /** Milliseconds in the top 48 bits, then the version, then a counter; never repeats, never goes back. */
    static long nextHighBits(long millis) {
        return LAST_HIGH_BITS.updateAndGet(last -> {
            long candidate = (millis << 16) | VERSION_7;
            if (candidate > last) {
                return candidate;
            }
            // Same (or an earlier, if the clock stepped back) millisecond: count up, borrowing the next millisecond
            // when the counter is exhausted, so the version bits stay intact.
            return (last & COUNTER_MASK) == COUNTER_MASK ? (((last >>> 16) + 1) << 16) | VERSION_7 : last + 1;
        });
    }

    public static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    public static UUID fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
