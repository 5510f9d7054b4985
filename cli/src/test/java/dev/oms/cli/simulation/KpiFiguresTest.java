package dev.oms.cli.simulation;

import dev.oms.cli.api.DailyKpis;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KpiFiguresTest {

    @Test
    void theAverageOrderValueIsGrossOverCompletedRoundedHalfUp() {
        assertEquals(0, new KpiFigures(0, 3, 0, 0, 0, 0).averageOrderValueMinor(), "no paid order, no average");
        assertEquals(150, new KpiFigures(2, 0, 0, 300, 0, 0).averageOrderValueMinor());
        assertEquals(151, new KpiFigures(2, 0, 0, 301, 0, 0).averageOrderValueMinor(), "150.5 rounds up");
        assertEquals(100, new KpiFigures(3, 0, 0, 301, 0, 0).averageOrderValueMinor(), "100.33 rounds down");
        assertEquals(101, new KpiFigures(3, 0, 0, 302, 0, 0).averageOrderValueMinor(), "100.67 rounds up");
        assertEquals(1, new KpiFigures(2, 0, 0, 1, 0, 0).averageOrderValueMinor(), "0.5 rounds up");
        assertEquals(3_074_457_345_618_258_602L,
                new KpiFigures(3, 0, 0, Long.MAX_VALUE - 1, 0, 0).averageOrderValueMinor(), "no overflow near the top");
    }

    @Test
    void refundsLowerTheNetButNotTheGrossNorTheAverage() {
        KpiFigures day = KpiFigures.NONE.paid(1_000).paid(2_001).failed().cancelled().refunded(500).refunded(1);

        assertEquals(new KpiFigures(2, 1, 1, 3_001, 501, 2), day);
        assertEquals(2_500, day.netRevenueMinor());
        assertEquals(1_501, day.averageOrderValueMinor());
    }

    @Test
    void theAverageAfterARunIsOverTheWholeDayNotTheRunAlone() {
        KpiFigures before = KpiFigures.of(new DailyKpis(LocalDate.of(2026, 12, 3), "UTC", "USD", 1, 0, 0, 100, 0, 100,
                100, 0));
        KpiFigures after = before.plus(KpiFigures.NONE.paid(201));

        assertEquals(151, after.averageOrderValueMinor(), "(100 + 201) / 2 = 150.5");
        assertEquals(new KpiFigures(2, 0, 0, 301, 0, 0), after);
    }
}
