package dev.oms.analytics.rest;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.FailureReason;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderAccepted;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RejectionReason;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.envelope;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class DailyKpisTest {

    @Inject
    AppliedOffsets appliedOffsets;

    private final List<RecordMetadata> published = new ArrayList<>();

    @Test
    void countsEveryOutcomeOnItsDayAndDerivesAverageAndNet() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        Instant noon = noonOf(day);
        CustomerRef ann = newCustomer("Ann");
        CustomerRef bob = newCustomer("Bob");
        long[] paid = {100, 100, 101};
        publish(completed(ann, paid[0], noon));
        publish(completed(bob, paid[1], noon.plusSeconds(60)));
        publish(completed(ann, paid[2], noon.plusSeconds(120)));
        publish(envelope(noon, new OrderRejected(UUID.randomUUID(), ann.customerId(), RejectionReason.OUT_OF_STOCK,
                "no stock", new Money(500, "USD"))));
        publish(envelope(noon, new OrderFailed(UUID.randomUUID(), bob.customerId(), FailureReason.PAYMENT_DECLINED,
                "declined", new Money(700, "USD"))));
        publish(envelope(noon, new OrderCancelled(UUID.randomUUID(), bob.customerId(), new Money(900, "USD"),
                "changed mind")));
        // Events without a KPI effect are consumed (the offset advances) but count nothing.
        UUID order = UUID.randomUUID();
        publish(envelope(noon, new OrderAccepted(order, "ext-" + order, Lane.INTERACTIVE, ann, List.of(),
                new Money(1000, "USD"), noon)));
        publish(envelope(noon, new OrderDelivered(order, ann.customerId(), new Money(1000, "USD"))));
        awaitConsumed();

        long gross = paid[0] + paid[1] + paid[2];
        long average = BigDecimal.valueOf(gross).divide(BigDecimal.valueOf(paid.length), 0, RoundingMode.HALF_UP)
                .longValueExact();
        asStaff().queryParam("date", day.toString())
                .when().get("/kpis/daily")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("date", equalTo(day.toString()))
                .body("zone", equalTo("UTC"))
                .body("currency", equalTo("USD"))
                .body("ordersCompleted", equalTo(3))
                .body("ordersFailed", equalTo(2))
                .body("ordersCancelled", equalTo(1))
                .body("grossRevenueMinor", equalTo((int) gross))
                .body("refundedMinor", equalTo(0))
                .body("netRevenueMinor", equalTo((int) gross))
                .body("averageOrderValueMinor", equalTo((int) average))
                .body("refundsCompleted", equalTo(0));
    }

    @Test
    void averageOrderValueRoundsHalfUp() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        CustomerRef ann = newCustomer("Ann");
        publish(completed(ann, 1, noonOf(day)));
        publish(completed(ann, 2, noonOf(day)));
        awaitConsumed();

        // 3 / 2 = 1.5, which rounds half-up to 2
        asStaff().queryParam("date", day.toString())
                .when().get("/kpis/daily")
                .then().statusCode(200)
                .body("ordersCompleted", equalTo(2))
                .body("grossRevenueMinor", equalTo(3))
                .body("averageOrderValueMinor", equalTo(2));
    }

    @Test
    void eachEventCountsOnTheDayOfItsTime() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        LocalDate next = day.plusDays(1);
        CustomerRef ann = newCustomer("Ann");
        Instant midnight = next.atStartOfDay().toInstant(ZoneOffset.UTC);
        publish(completed(ann, 250, midnight.minusNanos(1000)));
        publish(completed(ann, 400, midnight));
        awaitConsumed();

        asStaff().queryParam("date", day.toString()).when().get("/kpis/daily")
                .then().statusCode(200).body("ordersCompleted", equalTo(1)).body("grossRevenueMinor", equalTo(250));
        asStaff().queryParam("date", next.toString()).when().get("/kpis/daily")
                .then().statusCode(200).body("ordersCompleted", equalTo(1)).body("grossRevenueMinor", equalTo(400));
    }

    @Test
    void aRefundCountsOnItsOwnDayAndLowersTheCustomersNetSpend() {
        LocalDate paidDay = OrderEventsFixture.uniqueDay();
        LocalDate refundDay = paidDay.plusDays(2);
        CustomerRef cy = newCustomer("Cy");
        // A big spender, so that the all-time board's top 100 surely holds them.
        publish(completed(cy, 10_000_000, noonOf(paidDay)));
        UUID order = UUID.randomUUID();
        publish(refundEvent(noonOf(refundDay), new RefundCompleted(UUID.randomUUID(), order, cy.customerId(),
                new Money(2_500, "USD"))));
        EventEnvelope second = refundEvent(noonOf(refundDay).plusSeconds(5), new RefundCompleted(UUID.randomUUID(),
                order, cy.customerId(), new Money(1_000, "USD")));
        publish(second);
        // Re-published by refund-service's relay (same event id): counted once.
        publish(second);
        awaitConsumed();

        asStaff().queryParam("date", paidDay.toString()).when().get("/kpis/daily").then().statusCode(200)
                .body("grossRevenueMinor", equalTo(10_000_000)).body("refundedMinor", equalTo(0))
                .body("netRevenueMinor", equalTo(10_000_000));
        asStaff().queryParam("date", refundDay.toString()).when().get("/kpis/daily").then().statusCode(200)
                .body("ordersCompleted", equalTo(0)).body("grossRevenueMinor", equalTo(0))
                .body("refundsCompleted", equalTo(2)).body("refundedMinor", equalTo(3_500))
                .body("netRevenueMinor", equalTo(-3_500));
        asStaff().queryParam("date", refundDay.toString()).queryParam("limit", 100).when().get("/leaderboard")
                .then().statusCode(200)
                .body("entries.find { it.customerId == '" + cy.customerId() + "' }.netSpendMinor", equalTo(-3_500));
        asStaff().queryParam("limit", 100).when().get("/leaderboard").then().statusCode(200)
                .body("entries.find { it.customerId == '" + cy.customerId() + "' }.netSpendMinor", equalTo(9_996_500));
    }

    @Test
    void aRangeHasARowPerDayAndTotalsWithTheirOwnAverage() {
        LocalDate first = OrderEventsFixture.uniqueDay();
        CustomerRef di = newCustomer("Di");
        publish(completed(di, 100, noonOf(first)));
        publish(completed(di, 200, noonOf(first.plusDays(2))));
        publish(completed(di, 201, noonOf(first.plusDays(2)).plusSeconds(1)));
        publish(refundEvent(noonOf(first.plusDays(2)), new RefundCompleted(UUID.randomUUID(), UUID.randomUUID(),
                di.customerId(), new Money(50, "USD"))));
        awaitConsumed();

        asStaff().queryParam("from", first.toString()).queryParam("to", first.plusDays(2).toString())
                .when().get("/kpis")
                .then().statusCode(200)
                .body("from", equalTo(first.toString())).body("to", equalTo(first.plusDays(2).toString()))
                .body("days.date", equalTo(List.of(first.toString(), first.plusDays(1).toString(),
                        first.plusDays(2).toString())))
                .body("days.grossRevenueMinor", equalTo(List.of(100, 0, 401)))
                .body("days.averageOrderValueMinor", equalTo(List.of(100, 0, 201)))
                .body("totals.ordersCompleted", equalTo(3))
                .body("totals.grossRevenueMinor", equalTo(501))
                .body("totals.refundedMinor", equalTo(50))
                .body("totals.netRevenueMinor", equalTo(451))
                .body("totals.refundsCompleted", equalTo(1))
                // 501 / 3 = 167
                .body("totals.averageOrderValueMinor", equalTo(167));
    }

    @Test
    void aRangeNeedsBothEndsInOrderAndAtMostAYear() {
        String[][] bad = {{"2026-01-01", null, "to"}, {null, "2026-01-01", "from"}, {"2026-01-02", "2026-01-01", "to"},
                {"2025-01-01", "2026-01-02", "to"}, {"2026-01-01", "soon", "to"}};
        for (String[] range : bad) {
            var request = asStaff();
            if (range[0] != null) {
                request.queryParam("from", range[0]);
            }
            if (range[1] != null) {
                request.queryParam("to", range[1]);
            }
            request.when().get("/kpis").then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(range[2]));
        }
        // 2024 is a leap year: 366 days are allowed.
        asStaff().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").when().get("/kpis")
                .then().statusCode(200).body("days.size()", equalTo(366));
    }

    @Test
    void aDayWithoutEventsHasZeroKpis() {
        LocalDate day = OrderEventsFixture.uniqueDay();

        asStaff().queryParam("date", day.toString())
                .when().get("/kpis/daily")
                .then().statusCode(200)
                .body("ordersCompleted", equalTo(0))
                .body("grossRevenueMinor", equalTo(0))
                .body("averageOrderValueMinor", equalTo(0));
    }

    @Test
    void withoutADateTheKpisAreTodaysInTheShopZone() {
        String before = LocalDate.now(ZoneOffset.UTC).toString();
        String date = asStaff().when().get("/kpis/daily").then().statusCode(200).extract().path("date");
        String after = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(date, is(oneOf(before, after)));
    }

    @Test
    void aBadDateIsABadRequestNamingTheField() {
        for (String bad : new String[] {"2026-13-01", "22.11.2026", "yesterday", "2026-02-30"}) {
            asStaff().queryParam("date", bad)
                    .when().get("/kpis/daily")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("field", equalTo("date"));
        }
    }

    private static EventEnvelope refundEvent(Instant time, RefundCompleted refund) {
        return EventEnvelope.of(UUID.randomUUID(), "refund-service", time, refund);
    }

    private void publish(EventEnvelope event) {
        published.add(OrderEventsFixture.publish(event));
    }

    private void awaitConsumed() {
        Consumption.awaitApplied(appliedOffsets, published);
    }

}
