package dev.oms.order.domain;

import dev.oms.events.StockLine;
import dev.oms.order.domain.StockMoves.SkuChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockMovesTest {

    @Test
    void ordersOfOneTransactionShareTheStockReadOnce() {
        StockMoves moves = new StockMoves();
        List<StockLine> twoOfA = List.of(new StockLine("A", 2));
        assertEquals(Set.of("a"), moves.unread(twoOfA));
        moves.read("A", 5);

        assertEquals(Optional.empty(), moves.reserve(twoOfA));
        assertEquals(Optional.empty(), moves.reserve(twoOfA));
        assertEquals(Optional.of("A"), moves.reserve(twoOfA), "only 1 of 5 left after two orders of 2");
        assertEquals(Set.of(), moves.unread(twoOfA));
        assertEquals(List.of(new SkuChange("a", 4, 0, 0)), moves.takeChanges());
        assertFalse(moves.hasUnwrittenChanges());
        assertEquals(List.of(), moves.takeChanges(), "taken once");
        assertEquals(Optional.of("A"), moves.reserve(List.of(new StockLine("A", 2))), "what was taken stays reserved");
    }

    @Test
    void anOrderShortOfOneSkuReservesNoneOfItsLines() {
        StockMoves moves = new StockMoves();
        moves.read("A", 10);
        moves.read("B", 1);

        assertEquals(Optional.of("B"), moves.reserve(List.of(new StockLine("A", 3), new StockLine("B", 2))));
        assertFalse(moves.hasUnwrittenChanges());
        assertEquals(Optional.empty(), moves.reserve(List.of(new StockLine("A", 10))), "A is still all there");
    }

    @Test
    void twoLinesOfOneSkuAreCheckedTogether() {
        StockMoves moves = new StockMoves();
        moves.read("A", 3);

        assertEquals(Optional.of("A"), moves.reserve(List.of(new StockLine("A", 2), new StockLine("A", 2))));
        assertEquals(Optional.empty(), moves.reserve(List.of(new StockLine("A", 1), new StockLine("A", 2))));
        assertEquals(List.of(new SkuChange("a", 3, 0, 0)), moves.takeChanges());
    }

    @Test
    void twoSpellingsOfOneSkuShareItsStockAndTheShortOneIsNamedAsSpelled() {
        StockMoves moves = new StockMoves();
        assertEquals(Set.of("sku-a"), moves.unread(List.of(new StockLine("SKU-A", 1), new StockLine("sku-a", 1))));
        moves.read("SKU-A", 3);

        assertEquals(Optional.of("Sku-A"), moves.reserve(List.of(new StockLine("Sku-A", 2), new StockLine("SKU-A", 2))));
        assertEquals(Optional.empty(), moves.reserve(List.of(new StockLine("sku-a", 1), new StockLine("SKU-A", 2))));
        assertEquals(List.of(new SkuChange("sku-a", 3, 0, 0)), moves.takeChanges());
    }

    @Test
    void unitsReleasedBeforeTheSkuWasReadCountAsAvailable() {
        StockMoves moves = new StockMoves();
        moves.release(List.of(new StockLine("A", 2)));
        moves.read("A", 1);

        assertEquals(Optional.of("A"), moves.reserve(List.of(new StockLine("A", 4))));
        assertEquals(Optional.empty(), moves.reserve(List.of(new StockLine("A", 2))));
        assertTrue(moves.hasUnwrittenChanges());
        assertEquals(List.of(), moves.takeChanges(), "reserved what it released: nothing to write");
    }

    @Test
    void anUnknownSkuHasNoStock() {
        StockMoves moves = new StockMoves();
        assertEquals(Optional.of("GONE"), moves.reserve(List.of(new StockLine("GONE", 1))));
    }

    @Test
    void releasedGoodsCanBeReservedAgainAndSalesAreNettedPerSku() {
        StockMoves moves = new StockMoves();
        moves.read("B", 0);
        moves.release(List.of(new StockLine("B", 3)));
        moves.sell(List.of(new StockLine("A", 2)));
        moves.sell(List.of(new StockLine("A", 1)));

        assertEquals(Optional.of("B"), moves.reserve(List.of(new StockLine("B", 4))));
        assertEquals(Optional.empty(), moves.reserve(List.of(new StockLine("B", 2))));
        assertTrue(moves.hasUnwrittenChanges());
        List<SkuChange> changes = moves.takeChanges();
        assertEquals(List.of(new SkuChange("a", 0, 0, 3), new SkuChange("b", 2, 3, 0)), changes, "in SKU order");
        assertEquals(-1, changes.get(1).reservedDelta(), "B gives back one unit net");
        SkuChange sale = changes.get(0);
        assertEquals(-3, sale.reservedDelta());
        assertEquals(3, sale.reservedNeeded(), "a sale needs its units reserved");
        assertTrue(sale.availableNeeded() <= 0, "a sale needs no available stock");
        SkuChange reservation = new SkuChange("C", 4, 1, 0);
        assertEquals(3, reservation.availableNeeded());
        assertEquals(3, reservation.reservedDelta());
    }
}
