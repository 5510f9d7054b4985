package dev.oms.imports.domain;

import dev.oms.events.Ids;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.oms.imports.domain.CanonicalColumn.CURRENCY;
import static dev.oms.imports.domain.CanonicalColumn.CUSTOMER_EMAIL;
import static dev.oms.imports.domain.CanonicalColumn.CUSTOMER_NAME;
import static dev.oms.imports.domain.CanonicalColumn.ORDERED_AT;
import static dev.oms.imports.domain.CanonicalColumn.ORDER_ID;
import static dev.oms.imports.domain.CanonicalColumn.PRODUCT_NAME;
import static dev.oms.imports.domain.CanonicalColumn.QUANTITY;
import static dev.oms.imports.domain.CanonicalColumn.SKU;
import static dev.oms.imports.domain.CanonicalColumn.UNIT_PRICE;

/**
 * Validates one row of the canonical format cell by cell and reports every problem it finds, not just the first,
 * so one pass over a file tells the user everything to fix. Cells are trimmed; an empty optional cell is absent.
 */
public final class CanonicalRowParser {

    /** Text cells end up in VARCHAR(255) columns downstream. */
    static final int MAX_TEXT_LENGTH = 255;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final CanonicalHeader header;
    private final ShopCurrency currency;

    public CanonicalRowParser(CanonicalHeader header, ShopCurrency currency) {
        this.header = header;
        this.currency = currency;
    }

    public ParsedRow parse(CsvRow row) {
        Cells cells = new Cells(row);
        if (row.fields().size() > header.width()) {
            cells.reject(null, "has " + row.fields().size() + " fields but the header has " + header.width());
        }
        String orderId = cells.required(ORDER_ID);
        String email = cells.convert(CUSTOMER_EMAIL, cells.required(CUSTOMER_EMAIL), CanonicalRowParser::email);
        String name = cells.required(CUSTOMER_NAME);
        String sku = cells.required(SKU);
        String productName = cells.required(PRODUCT_NAME);
        Integer quantity = cells.convert(QUANTITY, cells.required(QUANTITY), CanonicalRowParser::quantity);
        Long unitPrice = cells.convert(UNIT_PRICE, cells.required(UNIT_PRICE), v -> DecimalMoney.toMinorUnits(v, currency));
        String rowCurrency = cells.optional(CURRENCY);
        if (rowCurrency != null && !currency.matches(rowCurrency)) {
            cells.reject(CURRENCY, "is " + rowCurrency + " but the shop sells in " + currency.code() + " only");
        }
        Instant orderedAt = cells.convert(ORDERED_AT, cells.optional(ORDERED_AT), CanonicalRowParser::orderedAt);
        if (quantity != null && unitPrice != null && lineTotalOverflows(unitPrice, quantity)) {
            cells.reject(UNIT_PRICE, "times quantity is too large an amount");
        }
        if (!cells.errors.isEmpty()) {
            return new ParsedRow(row, orderId, null, cells.errors);
        }
        return new ParsedRow(row, orderId,
                new RowValues(orderId, email, name, sku, productName, quantity, unitPrice, orderedAt), List.of());
    }

    static String email(String value) {
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            throw new InvalidCellException("is not a valid email address, got '" + value + "'");
        }
        return Ids.normalizeEmail(value);
    }

    static int quantity(String value) {
        if (!INTEGER.matcher(value).matches()) {
            throw new InvalidCellException("must be a whole number, got '" + value + "'");
        }
        BigInteger quantity = new BigInteger(value);
        if (quantity.signum() <= 0) {
            throw new InvalidCellException("must be positive, got '" + value + "'");
        }
        if (quantity.bitLength() >= Integer.SIZE) {
            throw new InvalidCellException("is too large, got '" + value + "'");
        }
        return quantity.intValue();
    }

    /** An instant with a zone offset, or a date (taken as the start of that day in UTC). */
    static Instant orderedAt(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidCellException("must be an ISO-8601 instant with offset (2024-05-01T10:15:30Z) "
                        + "or a date (2024-05-01), got '" + value + "'");
            }
        }
    }

    private static boolean lineTotalOverflows(long unitPrice, int quantity) {
        try {
            Math.multiplyExact(unitPrice, quantity);
            return false;
        } catch (ArithmeticException e) {
            return true;
        }
    }

    /** Reads the cells of one row and collects its errors. */
    private final class Cells {

        private final CsvRow row;
        private final List<RowError> errors = new ArrayList<>();
        private String rawLine;

        Cells(CsvRow row) {
            this.row = row;
        }

        /** The trimmed cell, or null (with an error recorded) when it is missing, blank or too long. */
        String required(CanonicalColumn column) {
            String value = present(column);
            if (value != null && value.isEmpty()) {
                reject(column, "is required");
                return null;
            }
            return value;
        }

        /** The trimmed cell, or null when the column is absent from the header or the cell is empty. */
        String optional(CanonicalColumn column) {
            if (!header.has(column)) {
                return null;
            }
            String value = present(column);
            return value == null || value.isEmpty() ? null : value;
        }

        <T> T convert(CanonicalColumn column, String value, Function<String, T> converter) {
            if (value == null) {
                return null;
            }
            try {
                return converter.apply(value);
            } catch (InvalidCellException e) {
                reject(column, e.getMessage());
                return null;
            }
        }

        void reject(CanonicalColumn column, String reason) {
            if (rawLine == null) {
                rawLine = row.rawLine();
            }
            errors.add(new RowError(row.lineNumber(), column == null ? null : column.header(), reason, rawLine));
        }

        private String present(CanonicalColumn column) {
            Optional<String> cell = header.cell(row.fields(), column);
            if (cell.isEmpty()) {
                reject(column, "is missing: the row has " + row.fields().size() + " fields but the header has "
                        + header.width());
                return null;
            }
            String value = cell.get().trim();
            if (value.length() > MAX_TEXT_LENGTH) {
                reject(column, "is longer than " + MAX_TEXT_LENGTH + " characters");
                return null;
            }
            return value;
        }
    }
}
