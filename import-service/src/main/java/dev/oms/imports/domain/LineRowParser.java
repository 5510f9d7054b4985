package dev.oms.imports.domain;

import dev.oms.events.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.oms.imports.domain.LineColumn.CUSTOMER_EMAIL;
import static dev.oms.imports.domain.LineColumn.CUSTOMER_NAME;
import static dev.oms.imports.domain.LineColumn.ORDER_DATE;
import static dev.oms.imports.domain.LineColumn.PRODUCT_NAME;
import static dev.oms.imports.domain.LineColumn.PRODUCT_PRICE;
import static dev.oms.imports.domain.LineColumn.QUANTITY;

/**
 * Validates one row of the Laravel "line" format. The contiguous rows of one customer on one (UTC) day form one
 * order, dated as its first row, whose id is derived from the two ({@code L-<date>-<uuid>}), so the same order in another export gets the
 * same id. A row without a date takes the import's day. Products are named, not SKU'd: order-service resolves
 * the names.
 */
public final class LineRowParser implements GroupedRowParser {

    static final String FORMAT = "the line format";

    private final CsvHeader<LineColumn> header;
    private final ShopCurrency currency;
    private final RepeatedCells<String> emails = new RepeatedCells<>(CellRules::email);
    private final RepeatedCells<Instant> instants = new RepeatedCells<>(CellRules::instant);
    private final LocalDate importDay;
    private long undatedRows;

    public LineRowParser(CsvHeader<LineColumn> header, ShopCurrency currency, LocalDate importDay) {
        this.header = header;
        this.currency = currency;
        this.importDay = importDay;
    }

    public static LineRowParser forHeader(List<String> names, ShopCurrency currency, LocalDate importDay) {
        return new LineRowParser(CsvHeader.parse(names, LineColumn.class, FORMAT), currency, importDay);
    }

    /** The external id of a customer's order of one day. */
    public static String externalOrderId(String email, LocalDate day) {
        return "L-" + day + "-" + Ids.nameBased("line-order:" + Ids.normalizeEmail(email) + ":" + day);
    }

    @Override
    public ParsedRow parse(CsvRow row) {
        RowCells<LineColumn> cells = new RowCells<>(header, row);
        String email = cells.convert(CUSTOMER_EMAIL, cells.required(CUSTOMER_EMAIL), emails::convert);
        String name = cells.required(CUSTOMER_NAME);
        String productName = cells.required(PRODUCT_NAME);
        Long unitPrice = cells.convert(PRODUCT_PRICE, cells.required(PRODUCT_PRICE),
                v -> DecimalMoney.toMinorUnits(v, currency));
        Integer quantity = cells.convert(QUANTITY, cells.required(QUANTITY), CellRules::quantity);
        String dateCell = cells.optional(ORDER_DATE);
        Instant orderedAt = cells.convert(ORDER_DATE, dateCell, instants::convert);
        if (dateCell == null) {
            undatedRows++;
            orderedAt = importDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (quantity != null && unitPrice != null && CellRules.lineTotalOverflows(unitPrice, quantity)) {
            cells.reject(PRODUCT_PRICE, "times quantity is too large an amount");
        }
        String orderId = email == null || orderedAt == null ? null
                : externalOrderId(email, LocalDate.ofInstant(orderedAt, ZoneOffset.UTC));
        if (!cells.valid()) {
            return new ParsedRow(row, orderId, null, cells.errors());
        }
        return new ParsedRow(row, orderId,
                new RowValues(orderId, email, name, null, productName, quantity, unitPrice, orderedAt), List.of());
    }

    @Override
    public String describeGroup(ParsedRow first) {
        String id = first.externalOrderId();
        // L-<day>-<uuid>: the day lies between the prefix and the 36 characters of the UUID.
        String day = id.substring(2, id.length() - 37);
        String email = header.cell(first.row().fields(), CUSTOMER_EMAIL).map(Ids::normalizeEmail).orElseThrow();
        return "the order of " + email + " on " + day;
    }

    /** The customer and the day are what groups the rows, so they always agree; the order's time is its first row's. */
    @Override
    public Map<String, String> disagreements(RowValues first, RowValues row) {
        return Map.of();
    }

    @Override
    public List<String> notes() {
        if (undatedRows == 0) {
            return List.of();
        }
        return List.of(undatedRows + " row(s) had no order_date: their orders are dated " + importDay
                + ", the day of the import");
    }
}
