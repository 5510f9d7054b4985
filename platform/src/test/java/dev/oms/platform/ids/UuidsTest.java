package dev.oms.platform.ids;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UuidsTest {

    @Test
    void idsMadeInARowAreStrictlyIncreasingVersion7Uuids() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Uuids.timeOrdered());
        }
        for (int i = 1; i < ids.size(); i++) {
            UUID previous = ids.get(i - 1);
            UUID current = ids.get(i);
            assertTrue(Long.compareUnsigned(previous.getMostSignificantBits(), current.getMostSignificantBits()) < 0,
                    previous + " then " + current);
            assertEquals(7, current.version());
            assertEquals(2, current.variant());
        }
    }

    @Test
    void exhaustedCounterBorrowsTheNextMillisecondAndKeepsTheVersion() {
        long millis = System.currentTimeMillis() + 60_000;
        long first = Uuids.nextHighBits(millis);
        long last = first;
        for (int i = 0; i < 4096; i++) {
            last = Uuids.nextHighBits(millis);
        }
        assertEquals(millis + 1, last >>> 16);
        assertEquals(0x7000L, last & 0xf000L);
        assertTrue(last > first);
    }

    @Test
    void bytesRoundTrip() {
        UUID id = Uuids.timeOrdered();
        assertEquals(id, Uuids.fromBytes(Uuids.toBytes(id)));
        assertArrayEquals(Uuids.toBytes(id), Uuids.toBytes(Uuids.fromBytes(Uuids.toBytes(id))));
    }
}
