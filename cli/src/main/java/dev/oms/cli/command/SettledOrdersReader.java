package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.CliException;
import dev.oms.cli.api.Order;
import dev.oms.cli.api.OrderStatuses;
import dev.oms.cli.api.Page;
import dev.oms.cli.demo.GeneratedOrder;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.http.Query;
import dev.oms.cli.http.ServiceClient;
import dev.oms.cli.simulation.SettledOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads how order-service ended each order of a run: customer by customer, newest first, so a customer's pages
 * stop as soon as all of their outstanding orders are found (a run's orders are the newest). order-service's counts
 * may say the saga is over while other traffic's orders stand in for some of this run's, so orders not listed yet,
 * or not ended yet, are asked for again until they have ended.
 */
final class SettledOrdersReader {

    private static final int PAGE_SIZE = 200;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final ServiceClient orderService;

    SettledOrdersReader(ServiceClient orderService) {
        this.orderService = orderService;
    }

    /** The orders in {@code generated}'s order, each in a terminal status; {@code from} is the UTC day the run began. */
    List<SettledOrder> read(List<GeneratedOrder> generated, LocalDate from, ProgressLine progress) {
        Map<String, Map<String, GeneratedOrder>> outstanding = new LinkedHashMap<>();
        for (GeneratedOrder order : generated) {
            outstanding.computeIfAbsent(order.customer().email(), email -> new HashMap<>())
                    .put(order.externalOrderId(), order);
        }
        Map<String, SettledOrder> ended = new HashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String counts = "";
        while (true) {
            for (Iterator<Map.Entry<String, Map<String, GeneratedOrder>>> customers = outstanding.entrySet().iterator();
                 customers.hasNext(); ) {
                Map.Entry<String, Map<String, GeneratedOrder>> customer = customers.next();
                readCustomer(customer.getKey(), customer.getValue(), from, ended);
                if (customer.getValue().isEmpty()) {
                    customers.remove();
                }
                counts = ProgressLine.bar(ended.size(), generated.size()) + " " + Cells.count(ended.size()) + " of "
                        + Cells.count(generated.size()) + " orders of this run ended, as order-service lists them";
                progress.update(counts);
            }
            if (outstanding.isEmpty()) {
                progress.finish(counts);
                return generated.stream().map(order -> ended.get(order.externalOrderId())).toList();
            }
            if (System.nanoTime() > deadline) {
                GeneratedOrder example = outstanding.values().iterator().next().values().iterator().next();
                throw new CliException(Cells.count(generated.size() - ended.size()) + " order(s) of this run are not "
                        + "listed by order-service or have not ended their saga after " + TIMEOUT.toMinutes()
                        + " minutes, e.g. " + example.externalOrderId() + " of " + example.customer().email());
            }
            Pause.sleep(ImportRunner.POLL_INTERVAL);
        }
    }

    /** Moves the customer's orders that have ended from {@code outstanding} to {@code ended}. */
    private void readCustomer(String email, Map<String, GeneratedOrder> outstanding, LocalDate from,
                              Map<String, SettledOrder> ended) {
        int wanted = outstanding.size();
        int seen = 0;
        List<GeneratedOrder> done = new ArrayList<>();
        for (int page = 0; seen < wanted; page++) {
            Page<Order> listed = orderService.get(Query.create().add("customer", email).add("from", from)
                    .add("to", LocalDate.now(ZoneOffset.UTC)).add("page", page).add("size", PAGE_SIZE)
                    .appendTo("/orders"), new TypeReference<Page<Order>>() { });
            for (Order order : listed.items()) {
                GeneratedOrder generated = outstanding.get(order.externalOrderId());
                if (generated == null) {
                    continue;
                }
                seen++;
                if (OrderStatuses.TERMINAL.contains(order.status())) {
                    done.add(generated);
                    ended.put(generated.externalOrderId(), new SettledOrder(generated, order.status(),
                            order.total() == null ? 0 : order.total().amountMinor(), order.paidAt(), order.updatedAt()));
                }
            }
            if ((long) (page + 1) * PAGE_SIZE >= listed.total() || listed.items().isEmpty()) {
                break;
            }
        }
        done.forEach(order -> outstanding.remove(order.externalOrderId()));
    }
}
