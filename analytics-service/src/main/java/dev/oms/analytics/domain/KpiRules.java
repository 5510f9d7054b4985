package dev.oms.analytics.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.RefundCompleted;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which KPIs an order or refund event moves (ARCHITECTURE §5 and §6). The business day is the calendar day of the event's time in
 * the shop's zone, so a day's figures never change with the zone of whoever reads them.
 */
public final class KpiRules {

    private final ZoneId zone;
    private final String currency;

    public KpiRules(ZoneId zone, String currency) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** The effect of {@code event}, or empty for events that move no KPI. */
    public Optional<KpiEffect> effectOf(EventEnvelope event) {
        LocalDate day = LocalDate.ofInstant(event.time(), zone);
        OmsEvent data = event.data();
        if (data instanceof OrderCompleted completed) {
            // Revenue belongs to the day the order was paid, the same day order-service reports it under.
            if (completed.paidAt() == null) {
                throw new InvalidEventException("OrderCompleted of order " + completed.orderId() + " has no paidAt");
            }
            return Optional.of(completed(LocalDate.ofInstant(completed.paidAt(), zone), completed));
        }
        if (data instanceof OrderRejected || data instanceof OrderFailed) {
            return Optional.of(count(day, KpiCounter.ORDERS_FAILED));
        }
        if (data instanceof OrderCancelled) {
            return Optional.of(count(day, KpiCounter.ORDERS_CANCELLED));
        }
        if (data instanceof RefundCompleted refund) {
            return Optional.of(refunded(day, refund));
        }
        return Optional.empty();
    }

    /** A completed refund counts on the day it completed, which may be after the order's paid day. */
    private KpiEffect refunded(LocalDate day, RefundCompleted refund) {
        if (refund.customerId() == null) {
            throw new InvalidEventException("RefundCompleted " + refund.refundId() + " has no customer id");
        }
        long amount = shopAmount(refund.amount(), "RefundCompleted " + refund.refundId());
        Map<KpiCounter, Long> increments = new EnumMap<>(KpiCounter.class);
        increments.put(KpiCounter.REFUNDS_COMPLETED, 1L);
        increments.put(KpiCounter.REFUNDED_MINOR, amount);
        LeaderboardCredit debit = new LeaderboardCredit(refund.customerId(), null, null, Math.negateExact(amount));
        return new KpiEffect(day, increments, Optional.of(debit));
    }

    private KpiEffect completed(LocalDate day, OrderCompleted completed) {
        CustomerRef customer = completed.customer();
        if (customer == null || customer.customerId() == null) {
            throw new InvalidEventException("OrderCompleted of order " + completed.orderId() + " has no customer id");
        }
        long total = shopAmount(completed.total(), "OrderCompleted of order " + completed.orderId());
        Map<KpiCounter, Long> increments = new EnumMap<>(KpiCounter.class);
        increments.put(KpiCounter.ORDERS_COMPLETED, 1L);
        increments.put(KpiCounter.GROSS_REVENUE_MINOR, total);
        LeaderboardCredit credit = new LeaderboardCredit(customer.customerId(), customer.name(), customer.email(), total);
        return new KpiEffect(day, increments, Optional.of(credit));
    }

    private long shopAmount(Money amount, String what) {
        if (amount == null) {
            throw new InvalidEventException(what + " has no amount");
        }
        if (!currency.equals(amount.currency())) {
            throw new InvalidEventException(what + " is in " + amount.currency() + ", not the shop currency " + currency);
        }
        if (amount.amountMinor() < 0) {
            throw new InvalidEventException(what + " has a negative amount");
        }
        return amount.amountMinor();
    }

    private static KpiEffect count(LocalDate day, KpiCounter counter) {
        return new KpiEffect(day, Map.of(counter, 1L), Optional.empty());
    }
}
