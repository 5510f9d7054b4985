package dev.oms.analytics.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which KPIs an order event moves (ARCHITECTURE §5). The business day is the calendar day of the event's time in
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
        return Optional.empty();
    }

    private KpiEffect completed(LocalDate day, OrderCompleted completed) {
        CustomerRef customer = completed.customer();
        if (customer == null || customer.customerId() == null) {
            throw new InvalidEventException("OrderCompleted of order " + completed.orderId() + " has no customer id");
        }
        long total = shopAmount(completed.total(), completed);
        Map<KpiCounter, Long> increments = new EnumMap<>(KpiCounter.class);
        increments.put(KpiCounter.ORDERS_COMPLETED, 1L);
        increments.put(KpiCounter.GROSS_REVENUE_MINOR, total);
        LeaderboardCredit credit = new LeaderboardCredit(customer.customerId(), customer.name(), customer.email(), total);
        return new KpiEffect(day, increments, Optional.of(credit));
    }

    private long shopAmount(Money total, OrderCompleted completed) {
        if (total == null) {
            throw new InvalidEventException("OrderCompleted of order " + completed.orderId() + " has no total");
        }
        if (!currency.equals(total.currency())) {
            throw new InvalidEventException("OrderCompleted of order " + completed.orderId() + " is in "
                    + total.currency() + ", not the shop currency " + currency);
        }
        if (total.amountMinor() < 0) {
            throw new InvalidEventException("OrderCompleted of order " + completed.orderId() + " has a negative total");
        }
        return total.amountMinor();
    }

    private static KpiEffect count(LocalDate day, KpiCounter counter) {
        return new KpiEffect(day, Map.of(counter, 1L), Optional.empty());
    }
}
