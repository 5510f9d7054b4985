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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Groups the contiguous rows of one order into one order while the file streams past: only the order being read
 * is held in memory, plus a fingerprint per order seen ({@link OrderFingerprints}), so rows of an order that come
 * back after other orders are rejected instead of making a second order. One bad row rejects its whole order;
 * the rest of the file goes on.
 * <p>
 * Every new group with an order id counts towards the ordinal, accepted or not, so an order's position (and thus
 * its event id) does not depend on whether the orders before it were valid. What the format says must agree across
 * the rows of an order is checked ({@link GroupedRowParser#disagreements}); the customer name is its first row's.
 */
public final class OrderAssembler implements OrderRows {

    private static final int MAX_LINES_NAMED = 10;
    /** The most lines an order may have, as for orders placed through the API (and a record far below Kafka's limit). */
    public static final int MAX_LINES = 200;

    private final String format;
    private final GroupedRowParser parser;
    private final ShopCurrency currency;
    private final UUID importJobId;
    private final OrderFingerprints seen = new OrderFingerprints();
    private OrderDraft current;
    /** The order whose further rows are rejected one by one, because it already has too many lines. */
    private String tooLong;
    private long ordinal;

    public OrderAssembler(String format, GroupedRowParser parser, ShopCurrency currency, UUID importJobId) {
        this.format = format;
        this.parser = parser;
        this.currency = currency;
        this.importJobId = importJobId;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public List<String> notes() {
        return parser.notes();
    }

    @Override
    public List<AssembledOrder> accept(CsvRow row) {
        ParsedRow parsed = parser.parse(row);
        if (parsed.externalOrderId() == null) {
            // Without an order id the row belongs to no group: it is rejected on its own and the group goes on.
            return List.of(new RejectedOrder(null, 1, parsed.errors()));
        }
        if (current != null && current.externalOrderId.equals(parsed.externalOrderId())) {
            if (current.rows.size() < MAX_LINES) {
                current.add(parsed);
                return List.of();
            }
            // Rejected whole at once, so that a runaway order never piles up in memory.
            tooLong = current.externalOrderId;
            RejectedOrder rejected = current.rejectTooLong(parsed);
            current = null;
            return List.of(rejected);
        }
        if (parsed.externalOrderId().equals(tooLong)) {
            return List.of(new RejectedOrder(null, 1, List.of(new RowError(row.lineNumber(), null,
                    tooLongReason(parsed), row.rawLine()))));
        }
        tooLong = null;
        List<AssembledOrder> completed = current == null ? List.of() : List.of(current.complete());
        long firstLine = seen.firstSeen(parsed.externalOrderId(), row.lineNumber());
        current = firstLine == 0 ? new OrderDraft(++ordinal, parsed) : new OrderDraft(parsed, firstLine);
        return completed;
    }

    @Override
    public Optional<AssembledOrder> finish() {
        if (current == null) {
            return Optional.empty();
        }
        AssembledOrder last = current.complete();
        current = null;
        return Optional.of(last);
    }

    private String tooLongReason(ParsedRow row) {
        return "rejected with " + parser.describeGroup(row) + ", which has more than " + MAX_LINES
                + " lines (an order has at most " + MAX_LINES + ")";
    }

    private final class OrderDraft {

        private final long ordinal;
        private final String externalOrderId;
        private final String repeatReason;
        private final List<ParsedRow> rows = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private ParsedRow reference;

        OrderDraft(long ordinal, ParsedRow first) {
            this.ordinal = ordinal;
            this.externalOrderId = first.externalOrderId();
            this.repeatReason = null;
            add(first);
        }

        /** Rows of an order that started earlier in the file, after other orders: every one of them is rejected. */
        OrderDraft(ParsedRow first, long firstLine) {
            this.ordinal = 0;
            this.externalOrderId = first.externalOrderId();
            this.repeatReason = parser.describeGroup(first) + " already started on line " + firstLine
                    + ": the rows of an order must be contiguous";
            add(first);
        }

        void add(ParsedRow row) {
            rows.add(row);
            if (repeatReason != null) {
                errors.add(new RowError(row.row().lineNumber(), null, repeatReason, row.row().rawLine()));
                return;
            }
            errors.addAll(row.errors());
            if (!row.valid()) {
                return;
            }
            if (reference == null) {
                reference = row;
                return;
            }
            parser.disagreements(reference.values(), row.values())
                    .forEach((column, expected) -> errors.add(mismatch(row, column, expected)));
        }

        /** This order, and {@code extra}, one line too many, rejected row by row. */
        RejectedOrder rejectTooLong(ParsedRow extra) {
            List<RowError> all = new ArrayList<>(rows.size() + 1);
            for (ParsedRow row : rows) {
                all.add(new RowError(row.row().lineNumber(), null, tooLongReason(rows.get(0)), row.row().rawLine()));
            }
            all.add(new RowError(extra.row().lineNumber(), null, tooLongReason(rows.get(0)), extra.row().rawLine()));
            return new RejectedOrder(externalOrderId, rows.size() + 1, all);
        }

        AssembledOrder complete() {
            if (errors.isEmpty()) {
                return new AcceptedOrder(ordinal, toOrderRequested(), rows.size());
            }
            if (repeatReason != null) {
                return new RejectedOrder(externalOrderId, rows.size(), errors);
            }
            Set<Long> badLines = errors.stream().map(RowError::lineNumber).collect(Collectors.toCollection(TreeSet::new));
            String seeLines = describe(badLines);
            List<RowError> all = new ArrayList<>(errors);
            for (ParsedRow row : rows) {
                if (!badLines.contains(row.row().lineNumber())) {
                    all.add(new RowError(row.row().lineNumber(), null, "rejected with "
                            + parser.describeGroup(rows.get(0)) + ", which has errors on line(s) " + seeLines,
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

        private RowError mismatch(ParsedRow row, String column, String expected) {
            return new RowError(row.row().lineNumber(), column, "differs from line "
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
