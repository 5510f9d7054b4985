package dev.oms.imports.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.oms.imports.domain.CanonicalColumn.CURRENCY;
import static dev.oms.imports.domain.CanonicalColumn.CUSTOMER_EMAIL;
import static dev.oms.imports.domain.CanonicalColumn.CUSTOMER_NAME;
import static dev.oms.imports.domain.CanonicalColumn.ORDERED_AT;
import static dev.oms.imports.domain.CanonicalColumn.ORDER_ID;
import static dev.oms.imports.domain.CanonicalColumn.PRODUCT_NAME;
import static dev.oms.imports.domain.CanonicalColumn.QUANTITY;
import static dev.oms.imports.domain.CanonicalColumn.SKU;
import static dev.oms.imports.domain.CanonicalColumn.UNIT_PRICE;

/** Validates one row of the canonical format (one row per order line, grouped by order_id). */
public final class CanonicalRowParser implements GroupedRowParser {

    static final String FORMAT = "the canonical format";

    private final CsvHeader<CanonicalColumn> header;
    private final ShopCurrency currency;
    private final RepeatedCells<String> emails = new RepeatedCells<>(CellRules::email);
    private final RepeatedCells<Instant> instants = new RepeatedCells<>(CellRules::instant);

    public CanonicalRowParser(CsvHeader<CanonicalColumn> header, ShopCurrency currency) {
        this.header = header;
        this.currency = currency;
    }

    public static CanonicalRowParser forHeader(List<String> names, ShopCurrency currency) {
        return new CanonicalRowParser(CsvHeader.parse(names, CanonicalColumn.class, FORMAT), currency);
    }

    @Override
    public ParsedRow parse(CsvRow row) {
        RowCells<CanonicalColumn> cells = new RowCells<>(header, row);
        String orderId = cells.required(ORDER_ID);
        String email = cells.convert(CUSTOMER_EMAIL, cells.required(CUSTOMER_EMAIL), emails::convert);
        String name = cells.required(CUSTOMER_NAME);
        String sku = cells.required(SKU);
        String productName = cells.required(PRODUCT_NAME);
        Integer quantity = cells.convert(QUANTITY, cells.required(QUANTITY), CellRules::quantity);
        Long unitPrice = cells.convert(UNIT_PRICE, cells.required(UNIT_PRICE), v -> DecimalMoney.toMinorUnits(v, currency));
        String rowCurrency = cells.optional(CURRENCY);
        if (rowCurrency != null && !currency.matches(rowCurrency)) {
            cells.reject(CURRENCY, "is " + rowCurrency + " but the shop sells in " + currency.code() + " only");
        }
        Instant orderedAt = cells.convert(ORDERED_AT, cells.optional(ORDERED_AT), instants::convert);
        if (quantity != null && unitPrice != null && CellRules.lineTotalOverflows(unitPrice, quantity)) {
            cells.reject(UNIT_PRICE, "times quantity is too large an amount");
        }
        if (!cells.valid()) {
            return new ParsedRow(row, orderId, null, cells.errors());
        }
        return new ParsedRow(row, orderId,
                new RowValues(orderId, email, name, sku, productName, quantity, unitPrice, orderedAt), List.of());
    }

    @Override
    public String describeGroup(ParsedRow first) {
        return "order " + first.externalOrderId();
    }

    /** The customer and the order date are the order's: every row must repeat them. */
    @Override
    public Map<String, String> disagreements(RowValues first, RowValues row) {
        Map<String, String> differing = new LinkedHashMap<>();
        if (!row.email().equals(first.email())) {
            differing.put(CUSTOMER_EMAIL.header(), first.email());
        }
        if (!Objects.equals(row.orderedAt(), first.orderedAt())) {
            differing.put(ORDERED_AT.header(), String.valueOf(first.orderedAt()));
        }
        return differing;
    }
}
