package dev.oms.analytics.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DailyKpisTest {

    @Test
    void averageOrderValueIsGrossOverCompletedRoundedHalfUp() {
        assertEquals(100, kpis(3, 100 + 100 + 101, 0).averageOrderValueMinor());
        assertEquals(2, kpis(2, 1 + 2, 0).averageOrderValueMinor());
        assertEquals(12999, kpis(1, 12999, 0).averageOrderValueMinor());
    }

    @Test
    void daysAddUpCounterByCounterAndTheSumHasItsOwnAverage() {
        DailyKpis sum = new DailyKpis(1, 2, 3, 100, 10, 1).plus(new DailyKpis(2, 0, 1, 401, 0, 0)).plus(DailyKpis.NONE);
        assertEquals(new DailyKpis(3, 2, 4, 501, 10, 1), sum);
        assertEquals(167, sum.averageOrderValueMinor());
        assertEquals(491, sum.netRevenueMinor());
    }

    @Test
    void averageIsZeroWithoutCompletedOrders() {
        assertEquals(0, kpis(0, 0, 0).averageOrderValueMinor());
    }

    @Test
    void averageIgnoresRefunds() {
        assertEquals(150, kpis(2, 300, 250).averageOrderValueMinor());
    }

    @Test
    void netRevenueIsGrossMinusRefunded() {
        assertEquals(50, kpis(2, 300, 250).netRevenueMinor());
        // Refunds count on their own day, which may have less gross than refunds.
        assertEquals(-250, kpis(0, 0, 250).netRevenueMinor());
    }

    private static DailyKpis kpis(long completed, long gross, long refunded) {
        return new DailyKpis(completed, 0, 0, gross, refunded, refunded == 0 ? 0 : 1);
    }
}
