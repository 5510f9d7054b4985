package dev.oms.order.domain;

import dev.oms.events.RefundStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefundProgressTest {

    @Test
    void nothingPartOrAllOfTheTotalGivenBack() {
        assertEquals(RefundStatus.NONE, RefundProgress.of(5_000, 0));
        assertEquals(RefundStatus.PARTIAL, RefundProgress.of(5_000, 1));
        assertEquals(RefundStatus.PARTIAL, RefundProgress.of(5_000, 4_999));
        assertEquals(RefundStatus.FULL, RefundProgress.of(5_000, 5_000));
    }
}
