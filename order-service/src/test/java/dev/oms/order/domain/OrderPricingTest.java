package dev.oms.order.domain;

import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.RejectionReason;
import dev.oms.events.StockLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderPricingTest {

    private static final Catalog CATALOG = new Catalog() {
        private final Map<String, CatalogEntry> bySku = Map.of(
                "MUG", new CatalogEntry("MUG", "Coffee mug", new Money(1299, "USD")),
                "TEE", new CatalogEntry("TEE", "T-shirt", new Money(2500, "USD")));

        @Override
        public Optional<CatalogEntry> bySku(String sku) {
            return Optional.ofNullable(bySku.get(sku));
        }

        @Override
        public Optional<CatalogEntry> byName(String name) {
            return bySku.values().stream().filter(e -> e.name().equals(name)).findFirst();
        }
    };

    @Test
    void requestPriceWinsOverCatalogPriceAndTotalIsExact() {
        PricedOrder priced = OrderPricing.price(List.of(
                new OrderLine("MUG", null, 3, new Money(1001, "USD")),
                new OrderLine("TEE", null, 1, null)), CATALOG, "USD");
        assertFalse(priced.rejected());
        assertEquals(new Money(3 * 1001 + 2500, "USD"), priced.total());
        assertEquals(new OrderLine("TEE", "T-shirt", 1, new Money(2500, "USD")), priced.lines().get(1));
    }

    @Test
    void productNamedOnlyByNameResolvesToItsSku() {
        PricedOrder priced = OrderPricing.price(List.of(new OrderLine(null, "Coffee mug", 2, null)), CATALOG, "USD");
        assertEquals("MUG", priced.lines().get(0).sku());
        assertEquals(2598, priced.total().amountMinor());
    }

    @Test
    void unknownProductsAreNamedInTheRejection() {
        PricedOrder priced = OrderPricing.price(List.of(
                new OrderLine("NOPE", null, 1, null), new OrderLine(null, "Ghost", 1, null)), CATALOG, "USD");
        assertEquals(RejectionReason.UNKNOWN_PRODUCT, priced.rejection());
        assertEquals("unknown SKU NOPE, product 'Ghost'", priced.rejectionDetail());
    }

    @Test
    void invalidLinesAreRejectedAsInvalid() {
        assertEquals(RejectionReason.INVALID, OrderPricing.price(List.of(), CATALOG, "USD").rejection());
        assertEquals(RejectionReason.INVALID,
                OrderPricing.price(List.of(new OrderLine("MUG", null, 0, null)), CATALOG, "USD").rejection());
        PricedOrder euros = OrderPricing.price(List.of(new OrderLine("MUG", null, 1, new Money(100, "EUR"))), CATALOG, "USD");
        assertEquals(RejectionReason.INVALID, euros.rejection());
        assertTrue(euros.rejectionDetail().contains("EUR"));
        assertEquals(RejectionReason.INVALID,
                OrderPricing.price(List.of(new OrderLine(null, null, 1, null)), CATALOG, "USD").rejection());
    }

    @Test
    void overflowingTotalIsInvalidNotWrapped() {
        PricedOrder priced = OrderPricing.price(List.of(
                new OrderLine("MUG", null, Integer.MAX_VALUE, new Money(Long.MAX_VALUE / 2, "USD"))), CATALOG, "USD");
        assertEquals(RejectionReason.INVALID, priced.rejection());
    }

    @Test
    void stockDemandMergesLinesOfOneSkuInSkuOrder() {
        List<StockLine> demand = StockDemand.of(List.of(
                new OrderLine("TEE", null, 1, null), new OrderLine("MUG", null, 2, null), new OrderLine("TEE", null, 4, null)));
        assertEquals(List.of(new StockLine("MUG", 2), new StockLine("TEE", 5)), demand);
        assertNull(OrderPricing.price(List.of(new OrderLine("MUG", null, 1, null)), CATALOG, "USD").rejection());
    }
}
