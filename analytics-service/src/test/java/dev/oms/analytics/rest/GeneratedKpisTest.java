package dev.oms.analytics.rest;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.GeneratedBusiness;
import dev.oms.analytics.GeneratedBusiness.DayFigures;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.events.CustomerRef;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Generated orders and refunds over three days through Kafka and Redis, against sums computed independently of the
 * service; then every event published once more (as a relay re-publishing after a crash would), which must change
 * nothing. The service counts in UTC here; other zones are covered by the domain test of the same name.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class GeneratedKpisTest {

    @Inject
    AppliedOffsets appliedOffsets;

    @Test
    void everyDayAndCustomerMatchesTheIndependentSumsAndARepublishedLogChangesNothing() {
        LocalDate first = OrderEventsFixture.uniqueDay();
        LocalDate last = first.plusDays(2);
        GeneratedBusiness business = GeneratedBusiness.generate(first.toEpochDay(), first, 3, 300);

        Consumption.publishAndAwait(appliedOffsets, business.events());
        assertFiguresMatch(business, first, last);

        Consumption.publishAndAwait(appliedOffsets, business.events());
        assertFiguresMatch(business, first, last);
    }

    private void assertFiguresMatch(GeneratedBusiness business, LocalDate first, LocalDate last) {
        Map<LocalDate, DayFigures> expected = business.figuresByDay(ZoneOffset.UTC);
        JsonPath range = asStaff().queryParam("from", first.toString()).queryParam("to", last.toString())
                .when().get("/kpis").then().statusCode(200).extract().jsonPath();
        DayFigures total = DayFigures.NONE;
        for (int i = 0; i < 3; i++) {
            LocalDate day = first.plusDays(i);
            DayFigures figures = expected.getOrDefault(day, DayFigures.NONE);
            assertEquals(day.toString(), range.getString("days[" + i + "].date"));
            assertEquals(figures, figures(range, "days[" + i + "]"), "figures of " + day);
            assertEquals(figures.netRevenueMinor(), range.getLong("days[" + i + "].netRevenueMinor"));
            assertEquals(average(figures), range.getLong("days[" + i + "].averageOrderValueMinor"));
            total = plus(total, figures);
        }
        assertEquals(total, figures(range, "totals"), "totals");
        assertEquals(average(total), range.getLong("totals.averageOrderValueMinor"));

        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            assertNetSpend(business, Optional.of(day));
        }
        assertNetSpend(business, Optional.empty());
    }

    private void assertNetSpend(GeneratedBusiness business, Optional<LocalDate> day) {
        Map<UUID, Long> expected = business.netSpend(ZoneOffset.UTC, day);
        var request = asStaff().queryParam("limit", 100);
        day.ifPresent(it -> request.queryParam("date", it.toString()));
        JsonPath board = request.when().get("/leaderboard").then().statusCode(200).extract().jsonPath();
        for (CustomerRef customer : business.customers()) {
            Long expectedSpend = expected.get(customer.customerId());
            Object actual = board.get("entries.find { it.customerId == '" + customer.customerId() + "' }.netSpendMinor");
            assertEquals(expectedSpend == null ? null : expectedSpend.toString(), actual == null ? null : actual.toString(),
                    "net spend of " + customer.name() + " " + day.map(LocalDate::toString).orElse("all time"));
        }
    }

    private static DayFigures figures(JsonPath json, String path) {
        return new DayFigures(json.getLong(path + ".ordersCompleted"), json.getLong(path + ".ordersFailed"),
                json.getLong(path + ".ordersCancelled"), json.getLong(path + ".grossRevenueMinor"),
                json.getLong(path + ".refundedMinor"), json.getLong(path + ".refundsCompleted"));
    }

    private static DayFigures plus(DayFigures a, DayFigures b) {
        return new DayFigures(a.ordersCompleted() + b.ordersCompleted(), a.ordersFailed() + b.ordersFailed(),
                a.ordersCancelled() + b.ordersCancelled(), a.grossRevenueMinor() + b.grossRevenueMinor(),
                a.refundedMinor() + b.refundedMinor(), a.refundsCompleted() + b.refundsCompleted());
    }

    private static long average(DayFigures figures) {
        return figures.ordersCompleted() == 0 ? 0 : BigDecimal.valueOf(figures.grossRevenueMinor())
                .divide(BigDecimal.valueOf(figures.ordersCompleted()), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
