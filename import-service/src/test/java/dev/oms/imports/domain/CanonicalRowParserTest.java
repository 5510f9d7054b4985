package dev.oms.imports.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalRowParserTest {

    private static final List<String> FULL_HEADER = List.of("order_id", "customer_email", "customer_name", "sku",
            "product_name", "quantity", "unit_price", "currency", "ordered_at");
    private static final ShopCurrency USD = ShopCurrency.of("USD");

    private final CanonicalRowParser parser = CanonicalRowParser.forHeader(FULL_HEADER, USD);

    @Test
    void validRowYieldsCheckedValues() {
        ParsedRow row = parse("A-1", " Ann@Example.COM ", "Ann Lee", "SKU-1", "Mug", "3", "12.99", "USD",
                "2024-05-01T10:15:30Z");
        assertTrue(row.valid(), () -> row.errors().toString());
        assertEquals(new RowValues("A-1", "ann@example.com", "Ann Lee", "SKU-1", "Mug", 3, 1299,
                Instant.parse("2024-05-01T10:15:30Z")), row.values());
    }

    @Test
    void emptyOptionalCellsAreAbsent() {
        ParsedRow row = parse("A-1", "ann@example.com", "Ann", "SKU-1", "Mug", "1", "5", "", " ");
        assertTrue(row.valid(), () -> row.errors().toString());
        assertNull(row.values().orderedAt());
    }

    @Test
    void theOptionalColumnsMayBeLeftOutOfTheHeader() {
        CanonicalRowParser minimal = CanonicalRowParser.forHeader(FULL_HEADER.subList(0, 7), USD);
        ParsedRow row = minimal.parse(new CsvRow(2, List.of("A-1", "a@b.co", "Ann", "SKU-1", "Mug", "1", "5")));
        assertTrue(row.valid(), () -> row.errors().toString());
    }

    @ParameterizedTest
    @CsvSource({
            "2024-05-01, 2024-05-01T00:00:00Z",
            "2024-05-01T12:00:00+02:00, 2024-05-01T10:00:00Z",
            "2024-05-01T10:15:30.123Z, 2024-05-01T10:15:30.123Z"})
    void orderedAtIsAnInstantOrADate(String cell, String expected) {
        ParsedRow row = parse("A-1", "a@b.co", "Ann", "SKU-1", "Mug", "1", "5", "", cell);
        assertEquals(Instant.parse(expected), row.values().orderedAt());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "customer_email | not-an-email | is not a valid email address",
            "customer_email | a@b | is not a valid email address",
            "customer_email | a b@c.de | is not a valid email address",
            "quantity | 0 | must be positive",
            "quantity | -2 | must be positive",
            "quantity | 1.5 | must be a whole number",
            "quantity | two | must be a whole number",
            "quantity | 3000000000 | is too large",
            "unit_price | 12.999 | more than 2 decimal place",
            "unit_price | 12,99 | must be a decimal number",
            "unit_price | -1 | must not be negative",
            "currency | EUR | is EUR but the shop sells in USD only",
            "ordered_at | 2024-05-01T10:15:30 | must be an ISO-8601 instant",
            "ordered_at | yesterday | must be an ISO-8601 instant"})
    void badCellIsReportedWithLineColumnAndReason(String column, String value, String reason) {
        String[] cells = {"A-1", "a@b.co", "Ann", "SKU-1", "Mug", "1", "5", "USD", ""};
        cells[FULL_HEADER.indexOf(column)] = value;
        ParsedRow row = parser.parse(new CsvRow(7, Arrays.asList(cells)));
        assertEquals(1, row.errors().size(), () -> row.errors().toString());
        RowError error = row.errors().get(0);
        assertEquals(7, error.lineNumber());
        assertEquals(column, error.column());
        assertTrue(error.reason().contains(reason), error.reason());
        assertTrue(error.rawLine().contains(value), error.rawLine());
        assertNull(row.values());
        assertEquals("A-1", row.externalOrderId());
    }

    @Test
    void everyBlankRequiredCellIsReported() {
        ParsedRow row = parse(" ", "", "", "", "", "", "", "", "");
        List<String> columns = row.errors().stream().map(RowError::column).toList();
        assertEquals(List.of("order_id", "customer_email", "customer_name", "sku", "product_name", "quantity",
                "unit_price"), columns);
        assertTrue(row.errors().stream().allMatch(e -> e.reason().equals("is required")));
        assertNull(row.externalOrderId());
    }

    @Test
    void missingColumnsAreReportedOnePerColumn() {
        ParsedRow row = parser.parse(new CsvRow(4, List.of("A-1", "a@b.co", "Ann", "SKU-1", "Mug", "1")));
        List<String> columns = row.errors().stream().map(RowError::column).toList();
        assertEquals(List.of("unit_price", "currency", "ordered_at"), columns);
        assertTrue(row.errors().get(0).reason().contains("the row has 6 fields but the header has 9"));
        assertEquals("A-1", row.externalOrderId());
    }

    @Test
    void extraFieldsAreReportedForTheRow() {
        ParsedRow row = parse("A-1", "a@b.co", "Ann", "SKU-1", "Mug", "1", "5", "USD", "", "surprise");
        assertEquals(1, row.errors().size());
        assertNull(row.errors().get(0).column());
        assertTrue(row.errors().get(0).reason().contains("has 10 fields but the header has 9"));
    }

    @Test
    void overlongTextIsRefused() {
        ParsedRow row = parse("A-1", "a@b.co", "x".repeat(256), "SKU-1", "Mug", "1", "5", "", "");
        assertEquals("customer_name", row.errors().get(0).column());
        assertTrue(row.errors().get(0).reason().contains("longer than 255"));
    }

    @Test
    void lineTotalMustFitInMinorUnits() {
        ParsedRow row = parse("A-1", "a@b.co", "Ann", "SKU-1", "Mug", "2000000000", "92233720368547758.07", "", "");
        assertEquals("unit_price", row.errors().get(0).column());
        assertTrue(row.errors().get(0).reason().contains("too large"));
    }

    @Test
    void severalBadCellsAreAllReported() {
        ParsedRow row = parse("A-1", "nope", "Ann", "SKU-1", "Mug", "0", "1.234", "GBP", "");
        assertEquals(List.of("customer_email", "quantity", "unit_price", "currency"),
                row.errors().stream().map(RowError::column).toList());
    }

    private ParsedRow parse(String... cells) {
        return parser.parse(new CsvRow(2, List.of(cells)));
    }
}
