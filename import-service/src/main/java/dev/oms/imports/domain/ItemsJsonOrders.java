package dev.oms.imports.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.oms.events.CustomerRef;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.oms.imports.domain.ItemsJsonColumn.CUSTOMER_EMAIL;
import static dev.oms.imports.domain.ItemsJsonColumn.CUSTOMER_NAME;
import static dev.oms.imports.domain.ItemsJsonColumn.ITEMS;
import static dev.oms.imports.domain.ItemsJsonColumn.ORDER_NUMBER;
import static dev.oms.imports.domain.ItemsJsonColumn.TOTAL_AMOUNT;

/**
 * The Laravel "items JSON" format: one row per order, its lines a JSON array of {@code {sku, quantity,
 * unit_price}} whose amounts must add up to {@code total_amount} to the cent. Prices may be JSON numbers or
 * strings; both are read exactly (never through a double). An order number seen on an earlier row is rejected.
 */
public final class ItemsJsonOrders implements OrderRows {

    static final String FORMAT = "the items JSON format";
    static final int MAX_ITEMS = OrderAssembler.MAX_LINES;
    private static final int MAX_ITEMS_LENGTH = 64 * 1024;
    /** Integer digits of a price: more would not fit a long of minor units anyway. */
    private static final int MAX_PRICE_DIGITS = 15;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final CsvHeader<ItemsJsonColumn> header;
    private final ShopCurrency currency;
    private final UUID importJobId;
    private final OrderFingerprints seen = new OrderFingerprints();
    private long ordinal;

    public ItemsJsonOrders(CsvHeader<ItemsJsonColumn> header, ShopCurrency currency, UUID importJobId) {
        this.header = header;
        this.currency = currency;
        this.importJobId = importJobId;
    }

    public static ItemsJsonOrders forHeader(List<String> names, ShopCurrency currency, UUID importJobId) {
        return new ItemsJsonOrders(CsvHeader.parse(names, ItemsJsonColumn.class, FORMAT), currency, importJobId);
    }

    @Override
    public String format() {
        return "items-json";
    }

    @Override
    public List<AssembledOrder> accept(CsvRow row) {
        RowCells<ItemsJsonColumn> cells = new RowCells<>(header, row);
        String orderNumber = cells.required(ORDER_NUMBER);
        String email = cells.convert(CUSTOMER_EMAIL, cells.required(CUSTOMER_EMAIL), CellRules::email);
        String name = cells.required(CUSTOMER_NAME);
        Long total = cells.convert(TOTAL_AMOUNT, cells.required(TOTAL_AMOUNT), v -> DecimalMoney.toMinorUnits(v, currency));
        List<OrderLine> lines = cells.convert(ITEMS, cells.required(ITEMS, MAX_ITEMS_LENGTH), this::lines);
        if (total != null && lines != null) {
            checkTotal(cells, total, lines);
        }
        if (orderNumber == null) {
            return List.of(new RejectedOrder(null, 1, cells.errors()));
        }
        long firstLine = seen.firstSeen(orderNumber, row.lineNumber());
        if (firstLine != 0) {
            cells.reject(ORDER_NUMBER, "order " + orderNumber + " already appeared on line " + firstLine
                    + ": each order must be on one row");
            return List.of(new RejectedOrder(orderNumber, 1, cells.errors()));
        }
        ordinal++;
        if (!cells.valid()) {
            return List.of(new RejectedOrder(orderNumber, 1, cells.errors()));
        }
        OrderRequested order = new OrderRequested(Ids.orderId(orderNumber), orderNumber, Lane.BULK,
                new CustomerRef(Ids.customerId(email), email, name), lines, null, importJobId, row.lineNumber());
        return List.of(new AcceptedOrder(ordinal, order, 1));
    }

    @Override
    public Optional<AssembledOrder> finish() {
        return Optional.empty();
    }

    private List<OrderLine> lines(String json) {
        JsonNode items;
        try {
            items = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes its parser state; the position is what helps to fix the cell.
            throw new InvalidCellException("is not valid JSON (error at character " + (e.getLocation().getCharOffset() + 1)
                    + ")");
        }
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidCellException("must be a non-empty JSON array of {sku, quantity, unit_price}");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidCellException("has " + items.size() + " items; an order has at most " + MAX_ITEMS);
        }
        List<OrderLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(items.get(i), i + 1));
        }
        return lines;
    }

    private OrderLine line(JsonNode item, int position) {
        String prefix = "item " + position + ": ";
        if (!item.isObject()) {
            throw new InvalidCellException(prefix + "must be an object {sku, quantity, unit_price}");
        }
        JsonNode sku = item.get("sku");
        if (sku == null || !sku.isTextual() || sku.asText().isBlank()) {
            throw new InvalidCellException(prefix + "sku must be a non-empty string");
        }
        if (sku.asText().trim().length() > RowCells.MAX_TEXT_LENGTH) {
            throw new InvalidCellException(prefix + "sku is longer than " + RowCells.MAX_TEXT_LENGTH + " characters");
        }
        int quantity = quantity(item.get("quantity"), prefix);
        long unitPrice = unitPrice(item.get("unit_price"), prefix);
        if (CellRules.lineTotalOverflows(unitPrice, quantity)) {
            throw new InvalidCellException(prefix + "unit_price times quantity is too large an amount");
        }
        return new OrderLine(sku.asText().trim(), null, quantity, new Money(unitPrice, currency.code()));
    }

    private static int quantity(JsonNode quantity, String prefix) {
        if (quantity == null || !(quantity.isIntegralNumber() || quantity.isTextual())) {
            throw new InvalidCellException(prefix + "quantity must be a whole number");
        }
        try {
            if (quantity.isTextual()) {
                return CellRules.quantity(quantity.asText().trim());
            }
            return CellRules.positiveInt(quantity.bigIntegerValue(), quantity.asText());
        } catch (InvalidCellException e) {
            throw new InvalidCellException(prefix + "quantity " + e.getMessage());
        }
    }

    private long unitPrice(JsonNode price, String prefix) {
        if (price == null || !(price.isNumber() || price.isTextual())) {
            throw new InvalidCellException(prefix + "unit_price must be a decimal amount");
        }
        if (price.isNumber() && price.decimalValue().precision() - price.decimalValue().scale() > MAX_PRICE_DIGITS) {
            // Checked before toPlainString(), which would write out every digit of 1e999999999.
            throw new InvalidCellException(prefix + "unit_price is too large" + InvalidCellException.got(price.asText()));
        }
        String text = price.isNumber() ? price.decimalValue().toPlainString() : price.asText().trim();
        try {
            return DecimalMoney.toMinorUnits(text, currency);
        } catch (InvalidCellException e) {
            throw new InvalidCellException(prefix + "unit_price " + e.getMessage());
        }
    }

    private void checkTotal(RowCells<ItemsJsonColumn> cells, long total, List<OrderLine> lines) {
        BigInteger sum = BigInteger.ZERO;
        for (OrderLine line : lines) {
            sum = sum.add(BigInteger.valueOf(line.unitPrice().amountMinor()).multiply(BigInteger.valueOf(line.quantity())));
        }
        if (!sum.equals(BigInteger.valueOf(total))) {
            cells.reject(TOTAL_AMOUNT, "is " + DecimalMoney.format(BigInteger.valueOf(total), currency) + " but the items add up to "
                    + DecimalMoney.format(sum, currency));
        }
    }
}
