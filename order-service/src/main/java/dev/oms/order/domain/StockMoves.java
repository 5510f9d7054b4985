package dev.oms.order.domain;

import dev.oms.events.StockLine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stock moves of one transaction, decided against the available stock as read when a SKU was first needed and
 * written together at the end, one change per SKU: whoever writes them holds the product rows only for those last
 * statements. The write is conditional ({@link SkuChange}), so stock that went elsewhere since it was read fails the
 * transaction instead of being sold twice. The product table compares SKUs without case (the database's default
 * collation), so moves are kept by the lower-case SKU: two spellings of one SKU take the stock of its one row.
 */
public final class StockMoves {

    /** What one SKU's row must take: its reservations, releases and sales netted. */
    public record SkuChange(String sku, int reserved, int released, int sold) {

        /** Added to the row's reserved count. */
        public int reservedDelta() {
            return reserved - released - sold;
        }

        /** The row must have at least this much available (on hand minus reserved) before the change. */
        public int availableNeeded() {
            return reserved - released;
        }

        /** The row must have at least this much reserved before the change. */
        public int reservedNeeded() {
            return released + sold - reserved;
        }
    }

    private final Map<String, Integer> available = new HashMap<>();
    private final SortedMap<String, Tally> changes = new TreeMap<>();

    /** The SKUs of {@code demand} whose available stock this transaction has not read yet (in lower case). */
    public Set<String> unread(List<StockLine> demand) {
        Set<String> unread = new LinkedHashSet<>();
        for (StockLine line : demand) {
            if (!available.containsKey(key(line.sku()))) {
                unread.add(key(line.sku()));
            }
        }
        return unread;
    }

    /**
     * Records the available stock of {@code sku} as read (an unknown SKU has none), plus what this transaction
     * released of it before reading: the database does not have those units back until the moves are written.
     */
    public void read(String sku, int availableNow) {
        Tally tally = changes.get(key(sku));
        available.putIfAbsent(key(sku), availableNow + (tally == null ? 0 : tally.released));
    }

    /** Reserves every line or none; returns the first SKU that is short, if any, as the demand spells it. */
    public Optional<String> reserve(List<StockLine> demand) {
        Map<String, Integer> units = new LinkedHashMap<>();
        demand.forEach(line -> units.merge(key(line.sku()), line.quantity(), Integer::sum));
        for (StockLine line : demand) {
            if (available.getOrDefault(key(line.sku()), 0) < units.get(key(line.sku()))) {
                return Optional.of(line.sku());
            }
        }
        units.forEach((sku, quantity) -> {
            available.merge(sku, -quantity, Integer::sum);
            tally(sku).reserved += quantity;
        });
        return Optional.empty();
    }

    /** Gives reserved goods back to the available stock. */
    public void release(List<StockLine> demand) {
        for (StockLine line : demand) {
            available.computeIfPresent(key(line.sku()), (sku, units) -> units + line.quantity());
            tally(key(line.sku())).released += line.quantity();
        }
    }

    /** The reserved goods are sold: they leave both on-hand and reserved, which leaves the available stock as it is. */
    public void sell(List<StockLine> demand) {
        for (StockLine line : demand) {
            tally(key(line.sku())).sold += line.quantity();
        }
    }

    /**
     * The changes not yet written, one per SKU, in SKU order, so that transactions writing the same products wait
     * instead of deadlocking (a SKU whose moves cancel out needs no write); they count as written from now on.
     */
    public List<SkuChange> takeChanges() {
        List<SkuChange> taken = changes.entrySet().stream()
                .map(entry -> entry.getValue().change(entry.getKey()))
                .filter(change -> change.reservedDelta() != 0 || change.sold() != 0)
                .toList();
        changes.clear();
        return taken;
    }

    public boolean hasUnwrittenChanges() {
        return !changes.isEmpty();
    }

    private static String key(String sku) {
        return sku.toLowerCase(Locale.ROOT);
    }

    private Tally tally(String sku) {
        return changes.computeIfAbsent(sku, key -> new Tally());
    }

    private static final class Tally {
        int reserved;
        int released;
        int sold;

        SkuChange change(String sku) {
            return new SkuChange(sku, reserved, released, sold);
        }
    }
}
