package dev.oms.order.saga;

import dev.oms.events.StockLine;
import dev.oms.infra.OmsTestInfra;
import dev.oms.order.domain.Product;
import dev.oms.order.service.StockLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static dev.oms.order.saga.OrderTestSupport.stockIs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Stock moves are decided against the stock a transaction read and written at its end, never overselling. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class StockLedgerTest {

    @Inject
    StockLedger stock;

    @Test
    void stockTakenSinceItWasReadFailsTheTransactionInsteadOfBeingSoldTwice() {
        String sku = newProduct(100, 3);
        List<StockLine> twoUnits = List.of(new StockLine(sku, 2));

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Optional.empty(), stock.reserve(twoUnits), "3 available when read");
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(Optional.empty(), stock.reserve(twoUnits), "another transaction takes 2 of them first");
                stock.writeMoves();
            });
            stock.writeMoves();
        }));

        stockIs(sku, 3, 2);
    }

    @Test
    void twoSpellingsOfOneSkuTakeTheStockOfItsOneRow() {
        String sku = newProduct(100, 3);
        String shouted = sku.toUpperCase(Locale.ROOT);

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Optional.of(sku), stock.reserve(List.of(new StockLine(sku, 2), new StockLine(shouted, 2))));
            assertEquals(Optional.empty(), stock.reserve(List.of(new StockLine(shouted, 1), new StockLine(sku, 1))));
            stock.writeMoves();
        });

        stockIs(sku, 3, 2);
    }

    @Test
    void aTransactionThatMovesStockWithoutWritingItIsRolledBack() {
        String sku = newProduct(100, 5);
        String createdAlongside = "SKU-" + UUID.randomUUID().toString().substring(0, 8);

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Optional.empty(), stock.reserve(List.of(new StockLine(sku, 1))));
            productNamed(createdAlongside).persist();
        }));

        stockIs(sku, 5, 0);
        asStaff().get("/products/{sku}", createdAlongside).then().statusCode(404);
    }

    private static Product productNamed(String sku) {
        Product product = new Product();
        product.sku = sku;
        product.name = "Product " + sku;
        product.unitPriceMinor = 100;
        product.currency = "USD";
        product.createdAt = Instant.now();
        product.updatedAt = product.createdAt;
        return product;
    }
}
