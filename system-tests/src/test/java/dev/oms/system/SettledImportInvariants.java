package dev.oms.system;

import dev.oms.events.EventEnvelope;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentVoided;
import dev.oms.events.Topics;
import dev.oms.system.GeneratedImport.CatalogProduct;
import dev.oms.system.GeneratedImport.GeneratedOrder;
import dev.oms.system.OmsApi.OrderStats;
import dev.oms.system.OmsApi.OrderSummary;
import dev.oms.system.OmsApi.Payment;
import dev.oms.system.OmsApi.PaymentTotals;
import dev.oms.system.OmsApi.ProductStock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static dev.oms.system.Figures.count;
import static dev.oms.system.Figures.money;

/**
 * What must hold once the orders of a {@link GeneratedImport} have settled, however often services crashed on the
 * way: every order terminal with the CSV's total; stock that adds up; the money captured is the PAID orders' money
 * and no order was charged twice; every fact on the order topic once; nothing dead-lettered; analytics agrees.
 * Checked black box, through the HTTP APIs and the Kafka topics. Each invariant is printed with its figures.
 */
final class SettledImportInvariants {

    private static final Map<String, Class<?>> TERMINAL_EVENT_BY_STATUS = Map.of(
            "PAID", OrderCompleted.class, "FAILED", OrderFailed.class,
            "REJECTED", OrderRejected.class, "CANCELLED", OrderCancelled.class);

    private final OmsSystem system;
    private final OmsApi api;
    private final GeneratedImport generated;
    private final Invariants invariants = new Invariants();

    SettledImportInvariants(OmsSystem system, OmsApi api, GeneratedImport generated) {
        this.system = system;
        this.api = api;
        this.generated = generated;
    }

    /** Checks them all, then fails naming every broken one; {@code firstDay} is the first day orders may count on. */
    void assertAllHold(OrderStats stats, LocalDate firstDay) throws Exception {
        List<OrderSummary> orders = api.orders(null);
        List<OrderSummary> paid = orders.stream().filter(o -> o.status().equals("PAID")).toList();
        long paidGross = paid.stream().mapToLong(o -> o.total().amountMinor()).sum();
        checkOrders(orders, stats);
        checkStock(paid);
        checkCapturedMoney(paid, paidGross);
        checkPaymentsPerOrder(orders);
        checkPaymentEvents(orders, TopicReader.readAll(system.bootstrapServers(),
                List.of(Topics.PAYMENT_EVENTS, Topics.PAYMENT_EVENTS_INTERACTIVE)));
        checkOrderEvents(orders, TopicReader.readAll(system.bootstrapServers(), List.of(Topics.ORDER_EVENTS)));
        checkOneTracePerOrder();
        checkNothingDeadLettered();
        invariants.check("KPIs in analytics = sums over PAID orders",
                () -> KpiReconciliation.assertKpisMatchOrders(api, firstDay, stats, paidGross, Duration.ofMinutes(2)));
        invariants.assertAllHold();
    }

    private void checkOrders(List<OrderSummary> orders, OrderStats stats) {
        List<String> violations = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (OrderSummary order : orders) {
            GeneratedOrder expected = generated.orders().get(order.orderId());
            if (expected == null) {
                violations.add("order " + order.orderId() + " (" + order.externalOrderId() + ") is not in the CSV");
            } else if (expected.totalMinor() != order.total().amountMinor()) {
                violations.add(order.externalOrderId() + " totals " + order.total().amountMinor() + ", the CSV " + expected.totalMinor());
            }
            if (!order.settled()) {
                violations.add(order.externalOrderId() + " is still " + order.status());
            }
            if (order.status().equals("REJECTED") && !"OUT_OF_STOCK".equals(order.reason())) {
                violations.add(order.externalOrderId() + " rejected for " + order.reason() + "; only OUT_OF_STOCK can happen here");
            }
            seen.add(order.orderId());
        }
        generated.orders().forEach((id, order) -> {
            if (!seen.contains(id)) {
                violations.add(order.externalOrderId() + " was lost: order-service does not know it");
            }
        });
        for (String outcome : List.of("PAID", "FAILED", "REJECTED")) {
            if (stats.count(outcome) == 0) {
                violations.add("no order ended " + outcome + ": the run did not exercise that path");
            }
        }
        invariants.check("every order terminal, with the CSV's total", "orders " + count(orders.size()) + ": PAID "
                + count(stats.count("PAID")) + " FAILED " + count(stats.count("FAILED")) + " REJECTED "
                + count(stats.count("REJECTED")) + " (OUT_OF_STOCK) CANCELLED " + count(stats.count("CANCELLED")), violations);
    }

    private void checkStock(List<OrderSummary> paid) {
        Map<String, Integer> sold = new TreeMap<>();
        for (OrderSummary order : paid) {
            GeneratedOrder generatedOrder = generated.orders().get(order.orderId());
            if (generatedOrder != null) { // an order not in the CSV is reported by checkOrders
                generatedOrder.quantityBySku().forEach((sku, quantity) -> sold.merge(sku, quantity, Integer::sum));
            }
        }
        Map<String, ProductStock> stock = api.products().stream().collect(Collectors.toMap(ProductStock::sku, p -> p));
        List<String> violations = new ArrayList<>();
        for (CatalogProduct product : generated.catalog()) {
            ProductStock now = stock.get(product.sku());
            int soldUnits = sold.getOrDefault(product.sku(), 0);
            if (now.onHand() + soldUnits != product.onHand()) {
                violations.add(product.sku() + ": on hand " + now.onHand() + " + sold " + soldUnits + " != initial " + product.onHand());
            }
            if (now.reserved() != 0) {
                violations.add(product.sku() + ": " + now.reserved() + " still reserved with every order settled");
            }
        }
        String scarce = generated.scarceProducts().stream()
                .map(p -> p.sku() + " " + sold.getOrDefault(p.sku(), 0) + "/" + p.onHand()).collect(Collectors.joining(", "));
        invariants.check("for every SKU on hand + sold = initial, nothing left reserved",
                generated.catalog().size() + " SKUs; scarce SKUs sold " + scarce, violations);
    }

    private void checkCapturedMoney(List<OrderSummary> paid, long paidGross) {
        PaymentTotals totals = api.paymentTotals();
        long captured = totals.amountMinor().get("AUTHORIZED");
        long authorized = totals.count().get("AUTHORIZED");
        List<String> violations = new ArrayList<>();
        if (captured != paidGross) {
            violations.add("captured " + money(captured) + " but the PAID orders total " + money(paidGross));
        }
        if (authorized != paid.size()) {
            violations.add(count(authorized) + " AUTHORIZED payments for " + count(paid.size()) + " PAID orders");
        }
        invariants.check("payments captured = sum of PAID orders", "captured " + money(captured) + " = paid " + money(paidGross)
                + " (AUTHORIZED payments " + count(authorized) + " = PAID orders " + count(paid.size()) + "; DECLINED "
                + count(totals.count().get("DECLINED")) + ", VOIDED " + count(totals.count().get("VOIDED")) + ")", violations);
    }

    /** Every order's payments through payment-service's API: one kept payment per PAID order, of its total, none otherwise. */
    private void checkPaymentsPerOrder(List<OrderSummary> orders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> checks = new ArrayList<>();
            for (OrderSummary order : orders) {
                checks.add(pool.submit(() -> paymentViolations(order, api.paymentsOf(order.orderId()))));
            }
            List<String> violations = new ArrayList<>();
            for (Future<List<String>> check : checks) {
                violations.addAll(check.get());
            }
            invariants.check("no order charged twice (payments API)", count(orders.size())
                    + " orders checked: one AUTHORIZED payment of the order's total per PAID order, none for the others, "
                    + "at most one approved sale per payment", violations);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> paymentViolations(OrderSummary order, List<Payment> payments) {
        List<String> violations = new ArrayList<>();
        List<Payment> kept = payments.stream().filter(p -> p.status().equals("AUTHORIZED")).toList();
        int expected = order.status().equals("PAID") ? 1 : 0;
        if (kept.size() != expected) {
            violations.add(order.externalOrderId() + " (" + order.status() + ") has " + kept.size() + " AUTHORIZED payment(s): " + payments);
        }
        for (Payment payment : kept) {
            if (payment.amount().amountMinor() != order.total().amountMinor()) {
                violations.add(order.externalOrderId() + " charged " + payment.amount().amountMinor() + " for a total of " + order.total().amountMinor());
            }
        }
        for (Payment payment : payments) {
            if (payment.approvedSales() > 1) {
                violations.add("payment " + payment.paymentId() + " of " + order.externalOrderId() + " approved " + payment.approvedSales() + " times");
            }
        }
        return violations;
    }

    /** The payment topics: per order, authorized minus voided payments is the PAID order's one payment, or nothing. */
    private void checkPaymentEvents(List<OrderSummary> orders, List<EventEnvelope> events) {
        Map<UUID, Set<UUID>> keptPayments = new HashMap<>();
        Map<UUID, Set<UUID>> authorizationIds = new HashMap<>();
        long authorizedRecords = 0;
        for (EventEnvelope event : events) {
            if (event.data() instanceof PaymentAuthorized authorized) {
                authorizedRecords++;
                authorizationIds.computeIfAbsent(authorized.paymentId(), p -> new HashSet<>()).add(event.id());
                keptPayments.computeIfAbsent(authorized.orderId(), o -> new HashSet<>()).add(authorized.paymentId());
            }
        }
        for (EventEnvelope event : events) {
            if (event.data() instanceof PaymentVoided voided && keptPayments.containsKey(voided.orderId())) {
                keptPayments.get(voided.orderId()).remove(voided.paymentId());
            }
        }
        List<String> violations = new ArrayList<>();
        authorizationIds.forEach((payment, ids) -> {
            if (ids.size() > 1) {
                violations.add("payment " + payment + " authorized by " + ids.size() + " different events " + ids);
            }
        });
        for (OrderSummary order : orders) {
            Set<UUID> kept = keptPayments.getOrDefault(order.orderId(), Set.of());
            Set<UUID> expected = order.status().equals("PAID") ? Set.of(order.paymentId()) : Set.of();
            if (!kept.equals(expected)) {
                violations.add(order.externalOrderId() + " (" + order.status() + ", payment " + order.paymentId()
                        + ") kept authorized payments " + kept);
            }
        }
        long distinct = authorizationIds.values().stream().mapToLong(Set::size).sum();
        invariants.check("no order charged twice (payment topics)", count(authorizedRecords) + " PaymentAuthorized records, "
                + count(distinct) + " distinct event ids (" + count(authorizedRecords - distinct) + " re-published with their id); "
                + "authorized and not voided: the PAID order's payment, nothing for the others", violations);
    }

    /** oms.order-events: every fact once per order (re-published records keep their id), one terminal event matching the status. */
    private void checkOrderEvents(List<OrderSummary> orders, List<EventEnvelope> events) {
        Map<UUID, Map<Class<?>, Set<UUID>>> idsByOrderAndType = new HashMap<>();
        Map<UUID, Long> completedTotal = new HashMap<>();
        for (EventEnvelope event : events) {
            idsByOrderAndType.computeIfAbsent(event.subject(), o -> new HashMap<>())
                    .computeIfAbsent(event.data().getClass(), t -> new HashSet<>()).add(event.id());
            if (event.data() instanceof OrderCompleted completed) {
                completedTotal.put(completed.orderId(), completed.total().amountMinor());
            }
        }
        List<String> violations = new ArrayList<>();
        long distinct = 0;
        long completedIds = 0;
        for (OrderSummary order : orders) {
            Map<Class<?>, Set<UUID>> idsByType = idsByOrderAndType.getOrDefault(order.orderId(), Map.of());
            idsByType.forEach((type, ids) -> {
                if (ids.size() > 1) {
                    violations.add(order.externalOrderId() + " has " + ids.size() + " different " + type.getSimpleName() + " event ids " + ids);
                }
            });
            distinct += idsByType.values().stream().mapToLong(Set::size).sum();
            completedIds += idsByType.getOrDefault(OrderCompleted.class, Set.of()).size();
            List<String> terminal = TERMINAL_EVENT_BY_STATUS.values().stream().filter(idsByType::containsKey)
                    .map(Class::getSimpleName).toList();
            Class<?> terminalOfStatus = TERMINAL_EVENT_BY_STATUS.get(order.status());
            List<String> expected = terminalOfStatus == null ? List.of() : List.of(terminalOfStatus.getSimpleName());
            if (!terminal.equals(expected)) {
                violations.add(order.externalOrderId() + " is " + order.status() + " but its terminal events are " + terminal);
            }
            Long completed = completedTotal.get(order.orderId());
            if (completed != null && completed != order.total().amountMinor()) {
                violations.add(order.externalOrderId() + " completed for " + completed + ", its total is " + order.total().amountMinor());
            }
        }
        invariants.check("no order with two OrderCompleted (or any other two facts) on " + Topics.ORDER_EVENTS,
                count(events.size()) + " records, " + count(distinct) + " distinct event ids (" + count(events.size() - distinct)
                        + " re-published with their id); OrderCompleted ids " + count(completedIds)
                        + ", one per PAID order; one terminal event per order, matching its status", violations);
    }

    /**
     * Each order's saga is one trace: every event and command the services published about it carries the trace id
     * of one of its requests (a request imported again after a crash starts a trace of its own, and is ignored).
     */
    private void checkOneTracePerOrder() {
        Map<String, Set<String>> requested = TopicReader.traceIdsByKey(system.bootstrapServers(),
                List.of(Topics.ORDER_REQUESTS_BULK, Topics.ORDER_REQUESTS_INTERACTIVE));
        Map<String, Set<String>> published = TopicReader.traceIdsByKey(system.bootstrapServers(), List.of(Topics.ORDER_EVENTS,
                Topics.PAYMENT_COMMANDS, Topics.PAYMENT_COMMANDS_INTERACTIVE, Topics.PAYMENT_EVENTS, Topics.PAYMENT_EVENTS_INTERACTIVE));
        List<String> violations = new ArrayList<>();
        published.forEach((order, traces) -> {
            Set<String> requests = requested.getOrDefault(order, Set.of());
            if (traces.size() != 1 || !requests.containsAll(traces)) {
                violations.add("order " + order + ": events in traces " + traces + ", its requests in " + requests);
            }
        });
        invariants.check("one trace per order, from its request to its last event",
                count(published.size()) + " orders traced across " + count(requested.size()) + " requested", violations);
    }

    /** A record a consumer gave up on is an order step lost: after a crash nothing may look like poison. */
    private void checkNothingDeadLettered() {
        List<String> deadLetterQueues = Topics.all().stream().map(Topics.TopicSpec::name).filter(t -> t.endsWith(".dlq")).toList();
        long deadLettered = TopicReader.count(system.bootstrapServers(), deadLetterQueues);
        invariants.check("nothing dead-lettered", count(deadLettered) + " records on " + deadLetterQueues.size() + " DLQs",
                deadLettered == 0 ? List.of() : List.of(count(deadLettered) + " records dead-lettered; see the services' logs"));
    }
}
