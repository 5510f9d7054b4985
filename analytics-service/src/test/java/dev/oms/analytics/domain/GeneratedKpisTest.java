package dev.oms.analytics.domain;

import dev.oms.analytics.GeneratedBusiness;
import dev.oms.analytics.GeneratedBusiness.DayFigures;
import dev.oms.events.EventEnvelope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules' effects of generated orders and refunds over three days, added up as Redis adds them, against sums the
 * generator computes on its own, in zones on both sides of UTC (Auckland is 13 hours ahead in December, Los Angeles
 * 8 behind, so many events change day).
 */
class GeneratedKpisTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Pacific/Auckland", "America/Los_Angeles"})
    void theEffectsAddUpToTheIndependentSumsOfEveryDayAndCustomer(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        GeneratedBusiness business = GeneratedBusiness.generate(42, FIRST_DAY, 3, 400);
        KpiRules rules = new KpiRules(zone, "USD");

        Map<LocalDate, Map<KpiCounter, Long>> counters = new TreeMap<>();
        Map<UUID, Long> allTime = new HashMap<>();
        Map<LocalDate, Map<UUID, Long>> byDay = new TreeMap<>();
        for (EventEnvelope event : business.events()) {
            rules.effectOf(event).ifPresent(effect -> {
                effect.increments().forEach((counter, increment) -> counters
                        .computeIfAbsent(effect.day(), day -> new EnumMap<>(KpiCounter.class))
                        .merge(counter, increment, Long::sum));
                effect.credit().ifPresent(credit -> {
                    allTime.merge(credit.customerId(), credit.amountMinor(), Long::sum);
                    byDay.computeIfAbsent(effect.day(), day -> new HashMap<>())
                            .merge(credit.customerId(), credit.amountMinor(), Long::sum);
                });
            });
        }

        Map<LocalDate, DayFigures> expected = business.figuresByDay(zone);
        assertEquals(expected.keySet(), counters.keySet(), "days with figures");
        expected.forEach((day, figures) -> {
            Map<KpiCounter, Long> actual = counters.get(day);
            assertEquals(figures, new DayFigures(get(actual, KpiCounter.ORDERS_COMPLETED),
                    get(actual, KpiCounter.ORDERS_FAILED), get(actual, KpiCounter.ORDERS_CANCELLED),
                    get(actual, KpiCounter.GROSS_REVENUE_MINOR), get(actual, KpiCounter.REFUNDED_MINOR),
                    get(actual, KpiCounter.REFUNDS_COMPLETED)), day + " in " + zone);
        });
        assertEquals(business.netSpend(zone, Optional.empty()), allTime, "all-time net spend");
        for (LocalDate day : expected.keySet()) {
            assertEquals(business.netSpend(zone, Optional.of(day)), byDay.getOrDefault(day, Map.of()),
                    "net spend of " + day + " in " + zone);
        }
    }

    private static long get(Map<KpiCounter, Long> counters, KpiCounter counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
