package dev.oms.imports.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Groups the contiguous rows of one order_id into one order while the file streams past: only the order being
 * read is held in memory. One bad row rejects its whole order; the rest of the file goes on.
 * <p>
 * Every group with an order_id counts towards the ordinal, accepted or not, so an order's position (and thus
 * its event id) does not depend on whether the orders before it were valid. The customer email and ordered_at
 * must agree across the rows of an order; the customer name is taken from its first row.
 */
public final class OrderAssembler {

    private static final int MAX_LINES_NAMED = 10;

    private final CanonicalRowParser parser;
    private final ShopCurrency currency;
    private final UUID importJobId;
    private OrderDraft current;
    private long ordinal;

    public OrderAssembler(CanonicalHeader header, ShopCurrency currency, UUID importJobId) {
        this.parser = new CanonicalRowParser(header, currency);
        this.currency = currency;
        this.importJobId = importJobId;
    }

    /** Takes the next data row; returns the orders it completed, in file order (usually none or one). */
    public List<AssembledOrder> accept(CsvRow row) {
        ParsedRow parsed = parser.parse(row);
        if (parsed.externalOrderId() == null) {
            // Without an order id the row belongs to no group: it is rejected on its own and the group goes on.
            return List.of(new RejectedOrder(null, 1, parsed.errors()));
        }
        if (current != null && current.externalOrderId.equals(parsed.externalOrderId())) {
            current.add(parsed);
            return List.of();
        }
        List<AssembledOrder> completed = current == null ? List.of() : List.of(current.complete());
        current = new OrderDraft(++ordinal, parsed);
        return completed;
    }

    /** Completes the last order at the end of the file. */
    public Optional<AssembledOrder> finish() {
        if (current == null) {
            return Optional.empty();
        }
        AssembledOrder last = current.complete();
        current = null;
        return Optional.of(last);
    }

    private final class OrderDraft {

        private final long ordinal;
        private final String externalOrderId;
        private final List<ParsedRow> rows = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private ParsedRow reference;

        OrderDraft(long ordinal, ParsedRow first) {
            this.ordinal = ordinal;
            this.externalOrderId = first.externalOrderId();
            add(first);
        }

        void add(ParsedRow row) {
            rows.add(row);
            errors.addAll(row.errors());
            if (!row.valid()) {
                return;
            }
            if (reference == null) {
                reference = row;
                return;
            }
            RowValues values = row.values();
            RowValues expected = reference.values();
            if (!values.email().equals(expected.email())) {
                errors.add(mismatch(row, CanonicalColumn.CUSTOMER_EMAIL, expected.email()));
            }
            if (!Objects.equals(values.orderedAt(), expected.orderedAt())) {
                errors.add(mismatch(row, CanonicalColumn.ORDERED_AT, String.valueOf(expected.orderedAt())));
            }
        }

        AssembledOrder complete() {
            if (errors.isEmpty()) {
                return new AcceptedOrder(ordinal, toOrderRequested(), rows.size());
            }
            Set<Long> badLines = errors.stream().map(RowError::lineNumber).collect(Collectors.toCollection(TreeSet::new));
            String seeLines = describe(badLines);
            List<RowError> all = new ArrayList<>(errors);
            for (ParsedRow row : rows) {
                if (!badLines.contains(row.row().lineNumber())) {
                    all.add(new RowError(row.row().lineNumber(), null,
                            "rejected with order " + externalOrderId + ", which has errors on line(s) " + seeLines,
                            row.row().rawLine()));
                }
            }
            all.sort(Comparator.comparingLong(RowError::lineNumber));
            return new RejectedOrder(externalOrderId, rows.size(), all);
        }

        /** The first few bad lines, so the reason stays short for an order with thousands of bad rows. */
        private static String describe(Set<Long> badLines) {
            String shown = badLines.stream().limit(MAX_LINES_NAMED).map(String::valueOf).collect(Collectors.joining(", "));
            int more = badLines.size() - MAX_LINES_NAMED;
            return more > 0 ? shown + " and " + more + " more" : shown;
        }

        private RowError mismatch(ParsedRow row, CanonicalColumn column, String expected) {
            return new RowError(row.row().lineNumber(), column.header(), "differs from line "
                    + reference.row().lineNumber() + " of the same order, which has '" + expected + "'",
                    row.row().rawLine());
        }

        private OrderRequested toOrderRequested() {
            RowValues first = reference.values();
            List<OrderLine> lines = rows.stream()
                    .map(ParsedRow::values)
                    .map(v -> new OrderLine(v.sku(), v.productName(), v.quantity(),
                            new Money(v.unitPriceMinor(), currency.code())))
                    .toList();
            return new OrderRequested(Ids.orderId(externalOrderId), externalOrderId, Lane.BULK,
                    new CustomerRef(Ids.customerId(first.email()), first.email(), first.customerName()),
                    lines, first.orderedAt(), importJobId, rows.get(0).row().lineNumber());
        }
    }
}
