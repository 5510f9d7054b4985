package dev.oms.cli.simulation;

import dev.oms.cli.demo.DemoCustomer;
import dev.oms.events.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one run should add to analytics, worked out from what the run generated (each order's customer and total)
 * and how the services ended each order and refund, by the rules analytics documents: a paid order counts on the
 * day it was paid, an order that failed or was rejected on the day it ended, a completed refund on the day it
 * completed; paid orders credit their customer's net spend and completed refunds debit it, on the all-time board
 * and on that day's board. Days are calendar days in the shop's zone.
 */
public final class RunEffect {

    private final Map<LocalDate, KpiFigures> figuresByDay = new TreeMap<>();
    private final Map<UUID, Long> netSpendChange = new HashMap<>();
    private final Map<LocalDate, Map<UUID, Long>> netSpendChangeByDay = new TreeMap<>();
    private final Map<UUID, DemoCustomer> customers = new HashMap<>();

    private RunEffect() {
    }

    public static RunEffect of(List<SettledOrder> orders, List<SettledRefund> refunds, ZoneId zone) {
        RunEffect effect = new RunEffect();
        for (SettledOrder order : orders) {
            effect.add(order, zone);
        }
        for (SettledRefund refund : refunds) {
            if (refund.isCompleted()) {
                LocalDate day = day(refund.endedAt(), zone, "refund " + refund.refundId());
                long amount = refund.plan().amountMinor();
                effect.figuresByDay.merge(day, KpiFigures.NONE.refunded(amount), KpiFigures::plus);
                effect.credit(refund.plan().order().customer(), day, Math.negateExact(amount));
            }
        }
        return effect;
    }

    private void add(SettledOrder order, ZoneId zone) {
        String what = "order " + order.generated().externalOrderId();
        if (order.isPaid()) {
            LocalDate day = day(order.paidAt(), zone, what);
            long total = order.generated().totalMinor();
            figuresByDay.merge(day, KpiFigures.NONE.paid(total), KpiFigures::plus);
            credit(order.generated().customer(), day, total);
        } else if ("FAILED".equals(order.status()) || "REJECTED".equals(order.status())) {
            figuresByDay.merge(day(order.updatedAt(), zone, what), KpiFigures.NONE.failed(), KpiFigures::plus);
        } else if ("CANCELLED".equals(order.status())) {
            figuresByDay.merge(day(order.updatedAt(), zone, what), KpiFigures.NONE.cancelled(), KpiFigures::plus);
        }
    }

    private void credit(DemoCustomer customer, LocalDate day, long amountMinor) {
        UUID customerId = Ids.customerId(customer.email());
        customers.put(customerId, customer);
        netSpendChange.merge(customerId, amountMinor, Math::addExact);
        netSpendChangeByDay.computeIfAbsent(day, d -> new HashMap<>()).merge(customerId, amountMinor, Math::addExact);
    }

    private static LocalDate day(Instant at, ZoneId zone, String what) {
        if (at == null) {
            throw new IllegalArgumentException(what + " has no time to count it on");
        }
        return LocalDate.ofInstant(at, zone);
    }

    /** The figures this run adds to each day it touched, in day order. */
    public Map<LocalDate, KpiFigures> figuresByDay() {
        return Collections.unmodifiableMap(new TreeMap<>(figuresByDay));
    }

    public KpiFigures figuresOn(LocalDate day) {
        return figuresByDay.getOrDefault(day, KpiFigures.NONE);
    }

    /** How much each customer's all-time net spend changes; a customer whose change nets to 0 is still on the board. */
    public Map<UUID, Long> netSpendChange() {
        return Map.copyOf(netSpendChange);
    }

    public Map<UUID, Long> netSpendChangeOn(LocalDate day) {
        return Map.copyOf(netSpendChangeByDay.getOrDefault(day, Map.of()));
    }

    public Map<UUID, DemoCustomer> customers() {
        return Map.copyOf(customers);
    }
}
