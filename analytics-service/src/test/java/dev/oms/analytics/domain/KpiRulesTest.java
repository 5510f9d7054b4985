package dev.oms.analytics.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.FailureReason;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundFailed;
import dev.oms.events.RejectionReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiRulesTest {

    private static final KpiRules UTC_USD = new KpiRules(ZoneOffset.UTC, "USD");
    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final Instant TIME = Instant.parse("2026-11-22T23:30:00Z");

    @Test
    void completedOrderCountsRevenueAndCreditsTheCustomer() {
        CustomerRef customer = new CustomerRef(CUSTOMER, "ann@example.com", "Ann");
        KpiEffect effect = UTC_USD.effectOf(event(TIME,
                new OrderCompleted(ORDER, customer, new Money(12999, "USD"), UUID.randomUUID(), TIME))).orElseThrow();

        assertEquals(LocalDate.parse("2026-11-22"), effect.day());
        assertEquals(Map.of(KpiCounter.ORDERS_COMPLETED, 1L, KpiCounter.GROSS_REVENUE_MINOR, 12999L), effect.increments());
        assertEquals(Optional.of(new LeaderboardCredit(CUSTOMER, "Ann", "ann@example.com", 12999)), effect.credit());
    }

    @Test
    void aCompletedRefundCountsOnItsDayAndDebitsTheCustomer() {
        KpiEffect effect = UTC_USD.effectOf(event(TIME,
                new RefundCompleted(UUID.randomUUID(), ORDER, CUSTOMER, new Money(2_500, "USD")))).orElseThrow();

        assertEquals(LocalDate.parse("2026-11-22"), effect.day());
        assertEquals(Map.of(KpiCounter.REFUNDS_COMPLETED, 1L, KpiCounter.REFUNDED_MINOR, 2_500L), effect.increments());
        assertEquals(Optional.of(new LeaderboardCredit(CUSTOMER, null, null, -2_500)), effect.credit());
        assertThrows(InvalidEventException.class, () -> UTC_USD.effectOf(event(TIME,
                new RefundCompleted(UUID.randomUUID(), ORDER, CUSTOMER, new Money(2_500, "EUR")))));
        assertTrue(UTC_USD.effectOf(event(TIME, new RefundFailed(UUID.randomUUID(), ORDER, CUSTOMER,
                new Money(2_500, "USD"), "declined"))).isEmpty());
    }

    @Test
    void revenueBelongsToThePaidDayEvenWhenTheEventIsStampedAfterMidnight() {
        CustomerRef customer = new CustomerRef(CUSTOMER, "ann@example.com", "Ann");
        Instant paidJustBeforeMidnight = Instant.parse("2026-11-22T23:59:59.999Z");
        KpiEffect effect = UTC_USD.effectOf(event(Instant.parse("2026-11-23T00:00:00.002Z"),
                new OrderCompleted(ORDER, customer, new Money(500, "USD"), UUID.randomUUID(), paidJustBeforeMidnight)))
                .orElseThrow();
        assertEquals(LocalDate.parse("2026-11-22"), effect.day());
    }

    @Test
    void rejectedAndFailedOrdersCountAsFailed() {
        KpiEffect rejected = UTC_USD.effectOf(event(TIME, new OrderRejected(ORDER, CUSTOMER,
                RejectionReason.OUT_OF_STOCK, "none left", new Money(100, "USD")))).orElseThrow();
        KpiEffect failed = UTC_USD.effectOf(event(TIME, new OrderFailed(ORDER, CUSTOMER,
                FailureReason.PAYMENT_DECLINED, "declined", new Money(100, "USD")))).orElseThrow();

        assertEquals(Map.of(KpiCounter.ORDERS_FAILED, 1L), rejected.increments());
        assertEquals(Map.of(KpiCounter.ORDERS_FAILED, 1L), failed.increments());
        assertTrue(rejected.credit().isEmpty());
        assertTrue(failed.credit().isEmpty());
    }

    @Test
    void cancelledOrdersCountAsCancelled() {
        KpiEffect effect = UTC_USD.effectOf(event(TIME,
                new OrderCancelled(ORDER, CUSTOMER, new Money(100, "USD"), "customer asked"))).orElseThrow();

        assertEquals(Map.of(KpiCounter.ORDERS_CANCELLED, 1L), effect.increments());
        assertTrue(effect.credit().isEmpty());
    }

    @Test
    void otherOrderEventsMoveNoKpi() {
        assertTrue(UTC_USD.effectOf(event(TIME, new OrderDelivered(ORDER, CUSTOMER, new Money(100, "USD")))).isEmpty());
    }

    @Test
    void theBusinessDayIsTheEventTimesDayInTheShopZone() {
        KpiRules tokyo = new KpiRules(ZoneId.of("Asia/Tokyo"), "USD");
        KpiEffect effect = tokyo.effectOf(event(TIME,
                new OrderCancelled(ORDER, CUSTOMER, new Money(100, "USD"), null))).orElseThrow();

        assertEquals(LocalDate.parse("2026-11-23"), effect.day());
    }

    @Test
    void anOrderInAnotherCurrencyIsInvalid() {
        OrderCompleted euros = new OrderCompleted(ORDER, new CustomerRef(CUSTOMER, "a@b.c", "A"),
                new Money(100, "EUR"), UUID.randomUUID(), TIME);

        assertThrows(InvalidEventException.class, () -> UTC_USD.effectOf(event(TIME, euros)));
    }

    @Test
    void aCompletedOrderWithoutCustomerOrTotalIsInvalid() {
        OrderCompleted noCustomer = new OrderCompleted(ORDER, null, new Money(100, "USD"), UUID.randomUUID(), TIME);
        OrderCompleted noTotal = new OrderCompleted(ORDER, new CustomerRef(CUSTOMER, "a@b.c", "A"), null,
                UUID.randomUUID(), TIME);

        assertThrows(InvalidEventException.class, () -> UTC_USD.effectOf(event(TIME, noCustomer)));
        assertThrows(InvalidEventException.class, () -> UTC_USD.effectOf(event(TIME, noTotal)));
    }

    private static EventEnvelope event(Instant time, OmsEvent data) {
        return EventEnvelope.of(UUID.randomUUID(), "order-service", time, data);
    }
}
