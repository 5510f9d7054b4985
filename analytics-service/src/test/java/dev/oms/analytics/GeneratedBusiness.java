package dev.oms.analytics;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.FailureReason;
import dev.oms.events.Money;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RejectionReason;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Random orders and refunds over a few days, as plain facts, with their events and the KPIs they should give. The
 * expectations are computed from the facts with java.time's own zone rules, not with the service's rules, so a test
 * comparing them with what the service counted checks the service's arithmetic independently.
 */
public final class GeneratedBusiness {

    /** What one business day should show. */
    public record DayFigures(long ordersCompleted, long ordersFailed, long ordersCancelled, long grossRevenueMinor,
                             long refundedMinor, long refundsCompleted) {

        public static final DayFigures NONE = new DayFigures(0, 0, 0, 0, 0, 0);

        public long netRevenueMinor() {
            return grossRevenueMinor - refundedMinor;
        }
    }

    private enum Outcome { PAID, REJECTED, FAILED, CANCELLED }

    private record Order(UUID orderId, CustomerRef customer, long totalMinor, Outcome outcome, Instant at) {
    }

    private record Refund(UUID refundId, Order order, long amountMinor, Instant at) {
    }

    private final List<Order> orders = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final List<EventEnvelope> events = new ArrayList<>();

    /**
     * {@code orderCount} orders of a few fresh customers at random moments of the UTC days {@code firstDay} to
     * {@code firstDay + days - 1}, some refunded once or twice (partly or fully) up to a day later within the range.
     */
    public static GeneratedBusiness generate(long seed, LocalDate firstDay, int days, int orderCount) {
        GeneratedBusiness business = new GeneratedBusiness();
        Random random = new Random(seed);
        List<CustomerRef> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            customers.add(OrderEventsFixture.newCustomer("Gen" + i));
        }
        long start = firstDay.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long end = firstDay.plusDays(days).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (int i = 0; i < orderCount; i++) {
            Instant at = Instant.ofEpochSecond(start + (long) (random.nextDouble() * (end - start)));
            Outcome outcome = Outcome.values()[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3)];
            Order order = new Order(UUID.randomUUID(), customers.get(random.nextInt(customers.size())),
                    1 + random.nextInt(50_000), outcome, at);
            business.add(order);
            if (outcome == Outcome.PAID && random.nextInt(10) < 4) {
                business.refund(order, random, end);
            }
        }
        return business;
    }

    /** Every event, in the order they happened within each order. */
    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    public List<CustomerRef> customers() {
        return orders.stream().map(Order::customer).distinct().toList();
    }

    /** The figures of every day that has any, in {@code zone}. */
    public Map<LocalDate, DayFigures> figuresByDay(ZoneId zone) {
        Map<LocalDate, DayFigures> byDay = new TreeMap<>();
        for (Order order : orders) {
            LocalDate day = order.at().atZone(zone).toLocalDate();
            DayFigures f = byDay.getOrDefault(day, DayFigures.NONE);
            byDay.put(day, switch (order.outcome()) {
                case PAID -> new DayFigures(f.ordersCompleted() + 1, f.ordersFailed(), f.ordersCancelled(),
                        f.grossRevenueMinor() + order.totalMinor(), f.refundedMinor(), f.refundsCompleted());
                case REJECTED, FAILED -> new DayFigures(f.ordersCompleted(), f.ordersFailed() + 1, f.ordersCancelled(),
                        f.grossRevenueMinor(), f.refundedMinor(), f.refundsCompleted());
                case CANCELLED -> new DayFigures(f.ordersCompleted(), f.ordersFailed(), f.ordersCancelled() + 1,
                        f.grossRevenueMinor(), f.refundedMinor(), f.refundsCompleted());
            });
        }
        for (Refund refund : refunds) {
            LocalDate day = refund.at().atZone(zone).toLocalDate();
            DayFigures f = byDay.getOrDefault(day, DayFigures.NONE);
            byDay.put(day, new DayFigures(f.ordersCompleted(), f.ordersFailed(), f.ordersCancelled(),
                    f.grossRevenueMinor(), f.refundedMinor() + refund.amountMinor(), f.refundsCompleted() + 1));
        }
        return byDay;
    }

    /** Each customer's net spend (paid − refunded) on {@code day} in {@code zone}, or of all time when empty. */
    public Map<UUID, Long> netSpend(ZoneId zone, Optional<LocalDate> day) {
        Map<UUID, Long> spend = new HashMap<>();
        for (Order order : orders) {
            if (order.outcome() == Outcome.PAID && day.map(d -> d.equals(order.at().atZone(zone).toLocalDate())).orElse(true)) {
                spend.merge(order.customer().customerId(), order.totalMinor(), Long::sum);
            }
        }
        for (Refund refund : refunds) {
            if (day.map(d -> d.equals(refund.at().atZone(zone).toLocalDate())).orElse(true)) {
                spend.merge(refund.order().customer().customerId(), -refund.amountMinor(), Long::sum);
            }
        }
        return spend;
    }

    private void add(Order order) {
        orders.add(order);
        Money total = new Money(order.totalMinor(), "USD");
        UUID customerId = order.customer().customerId();
        events.add(switch (order.outcome()) {
            // The envelope is stamped a little after the payment: revenue still belongs to the paid moment's day.
            case PAID -> OrderEventsFixture.envelope(order.at().plusSeconds(90),
                    new OrderCompleted(order.orderId(), order.customer(), total, UUID.randomUUID(), order.at()));
            case REJECTED -> OrderEventsFixture.envelope(order.at(), new OrderRejected(order.orderId(), customerId,
                    RejectionReason.OUT_OF_STOCK, "no stock", total));
            case FAILED -> OrderEventsFixture.envelope(order.at(), new OrderFailed(order.orderId(), customerId,
                    FailureReason.PAYMENT_DECLINED, "declined", total));
            case CANCELLED -> OrderEventsFixture.envelope(order.at(), new OrderCancelled(order.orderId(), customerId,
                    total, "changed mind"));
        });
    }

    /** One full refund, or one or two partial ones, each after the last, all before {@code endSecond}. */
    private void refund(Order order, Random random, long endSecond) {
        int parts = 1 + random.nextInt(2);
        long left = order.totalMinor();
        Instant at = order.at().plusSeconds(90);
        for (int part = 0; part < parts && left > 0; part++) {
            long latest = Math.min(at.getEpochSecond() + 86_400, endSecond - 1);
            if (latest <= at.getEpochSecond()) {
                return;
            }
            at = Instant.ofEpochSecond(at.getEpochSecond() + 1 + (long) (random.nextDouble() * (latest - at.getEpochSecond() - 1)));
            long amount = parts == 1 && random.nextBoolean() ? left : 1 + (long) (random.nextDouble() * left);
            left -= amount;
            Refund refund = new Refund(UUID.randomUUID(), order, amount, at);
            refunds.add(refund);
            events.add(EventEnvelope.of(UUID.randomUUID(), "refund-service", at, new RefundCompleted(refund.refundId(),
                    order.orderId(), order.customer().customerId(), new Money(amount, "USD"))));
        }
    }
}
