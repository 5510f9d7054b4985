package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.CliException;
import dev.oms.cli.api.Order;
import dev.oms.cli.api.Page;
import dev.oms.cli.demo.GeneratedOrder;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.http.Query;
import dev.oms.cli.http.ServiceClient;
import dev.oms.cli.simulation.SettledOrder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads how order-service ended each order of a run: customer by customer, newest first, so a customer's pages
 * stop as soon as all of their orders of the run are found (a run's orders are the newest).
 */
final class SettledOrdersReader {

    private static final int PAGE_SIZE = 200;

    private final ServiceClient orderService;

    SettledOrdersReader(ServiceClient orderService) {
        this.orderService = orderService;
    }

    /** The orders in {@code generated}'s order; {@code from} and {@code to} are the UTC days the run created orders on. */
    List<SettledOrder> read(List<GeneratedOrder> generated, LocalDate from, LocalDate to, ProgressLine progress) {
        Map<String, Map<String, GeneratedOrder>> byCustomer = new LinkedHashMap<>();
        for (GeneratedOrder order : generated) {
            byCustomer.computeIfAbsent(order.customer().email(), email -> new HashMap<>())
                    .put(order.externalOrderId(), order);
        }
        Map<String, SettledOrder> found = new HashMap<>();
        String counts = "";
        for (Map.Entry<String, Map<String, GeneratedOrder>> customer : byCustomer.entrySet()) {
            readCustomer(customer.getKey(), customer.getValue(), from, to, found);
            counts = ProgressLine.bar(found.size(), generated.size()) + " " + Cells.count(found.size()) + " of "
                    + Cells.count(generated.size()) + " orders read from order-service";
            progress.update(counts);
        }
        List<SettledOrder> settled = new ArrayList<>(generated.size());
        for (GeneratedOrder order : generated) {
            SettledOrder one = found.get(order.externalOrderId());
            if (one == null) {
                throw new CliException("order-service does not list order " + order.externalOrderId() + " of "
                        + order.customer().email() + " (" + Cells.count(generated.size() - found.size())
                        + " order(s) of this run missing)");
            }
            settled.add(one);
        }
        progress.finish(counts);
        return settled;
    }

    private void readCustomer(String email, Map<String, GeneratedOrder> orders, LocalDate from, LocalDate to,
                              Map<String, SettledOrder> found) {
        int foundBefore = found.size();
        for (int page = 0; ; page++) {
            Page<Order> listed = orderService.get(Query.create().add("customer", email).add("from", from).add("to", to)
                    .add("page", page).add("size", PAGE_SIZE).appendTo("/orders"), new TypeReference<Page<Order>>() { });
            for (Order order : listed.items()) {
                GeneratedOrder generated = orders.get(order.externalOrderId());
                if (generated != null) {
                    found.put(generated.externalOrderId(), new SettledOrder(generated, order.status(),
                            order.total() == null ? 0 : order.total().amountMinor(), order.paidAt(), order.updatedAt()));
                }
            }
            boolean allFound = found.size() - foundBefore >= orders.size();
            if (allFound || (long) (page + 1) * PAGE_SIZE >= listed.total() || listed.items().isEmpty()) {
                return;
            }
        }
    }
}
