package dev.oms.cli.demo;

import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.PaidDay;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KpiCrossCheckTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void agreesWhenPaidOrdersAndGrossRevenueAreEqual() {
        assertEquals(List.of(), KpiCrossCheck.differences(kpis(812, 12_345_678), new PaidDay(DAY, 812, 12_345_678, "USD")));
    }

    @Test
    void aDayWithoutPaidOrdersAgreesWithZeroKpis() {
        assertEquals(List.of(), KpiCrossCheck.differences(kpis(0, 0), null));
    }

    @Test
    void namesEachDifferenceWithBothFigures() {
        assertEquals(List.of("paid orders: analytics 810, order-service 812",
                        "gross revenue: analytics $123,456.00, order-service $123,456.78"),
                KpiCrossCheck.differences(kpis(810, 12_345_600), new PaidDay(DAY, 812, 12_345_678, "USD")));
    }

    private static DailyKpis kpis(long completed, long grossMinor) {
        return new DailyKpis(DAY, "UTC", "USD", completed, 0, 0, grossMinor, 0, grossMinor, 0, 0);
    }
}
