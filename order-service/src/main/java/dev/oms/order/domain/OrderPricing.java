package dev.oms.order.domain;

import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.RejectionReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves and prices requested lines. The price charged is the one on the request (an imported order as sold),
 * else the catalog price. Invalid input wins over unknown products, so the reason names the first thing to fix.
 */
public final class OrderPricing {

    private OrderPricing() {
    }

    public static PricedOrder price(List<OrderLine> requested, Catalog catalog, String shopCurrency) {
        Money total = Money.zero(shopCurrency);
        if (requested == null || requested.isEmpty()) {
            return new PricedOrder(List.of(), total, RejectionReason.INVALID, "the order has no lines");
        }
        List<OrderLine> lines = new ArrayList<>(requested.size());
        List<String> invalid = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            OrderLine line = requested.get(i);
            String problem = validate(line, shopCurrency);
            if (problem != null) {
                invalid.add("line " + (i + 1) + ": " + problem);
                lines.add(line);
                continue;
            }
            Optional<CatalogEntry> product = line.sku() != null ? catalog.bySku(line.sku()) : catalog.byName(line.productName());
            if (product.isEmpty()) {
                unknown.add(line.sku() != null ? "SKU " + line.sku() : "product '" + line.productName() + "'");
                lines.add(line);
                continue;
            }
            CatalogEntry entry = product.get();
            Money unitPrice = line.unitPrice() != null ? line.unitPrice() : entry.unitPrice();
            if (!unitPrice.currency().equals(shopCurrency)) {
                invalid.add("line " + (i + 1) + ": catalog price of " + entry.sku() + " is not in " + shopCurrency);
                lines.add(line);
                continue;
            }
            lines.add(new OrderLine(entry.sku(), line.productName() != null ? line.productName() : entry.name(),
                    line.quantity(), unitPrice));
            try {
                total = total.plus(unitPrice.times(line.quantity()));
            } catch (ArithmeticException e) {
                invalid.add("line " + (i + 1) + ": amount overflows");
            }
        }
        if (!invalid.isEmpty()) {
            return new PricedOrder(lines, total, RejectionReason.INVALID, String.join("; ", invalid));
        }
        if (!unknown.isEmpty()) {
            return new PricedOrder(lines, total, RejectionReason.UNKNOWN_PRODUCT, "unknown " + String.join(", ", unknown));
        }
        return new PricedOrder(lines, total, null, null);
    }

    private static String validate(OrderLine line, String shopCurrency) {
        if (line.sku() == null && (line.productName() == null || line.productName().isBlank())) {
            return "names no product (sku or productName required)";
        }
        if (line.quantity() <= 0) {
            return "quantity must be positive, got " + line.quantity();
        }
        if (line.unitPrice() != null) {
            if (!line.unitPrice().currency().equals(shopCurrency)) {
                return "currency " + line.unitPrice().currency() + " is not the shop currency " + shopCurrency;
            }
            if (line.unitPrice().amountMinor() < 0) {
                return "unit price must not be negative";
            }
        }
        return null;
    }
}
