package dev.oms.imports.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvHeaderTest {

    @Test
    void matchesNamesCaseInsensitivelyInAnyOrder() {
        CsvHeader<CanonicalColumn> header = canonical(List.of(
                " Unit_Price", "QUANTITY", "sku", "Order_ID", "customer_email", "customer_name", "product_name"));
        List<String> row = List.of("9.99", "2", "SKU-1", "A-1", "a@b.co", "Ann", "Mug");
        assertEquals("A-1", header.cell(row, CanonicalColumn.ORDER_ID).orElseThrow());
        assertEquals("9.99", header.cell(row, CanonicalColumn.UNIT_PRICE).orElseThrow());
        assertFalse(header.has(CanonicalColumn.CURRENCY));
        assertTrue(header.cell(row, CanonicalColumn.CURRENCY).isEmpty());
        assertEquals(7, header.width());
    }

    @Test
    void acceptsTheOptionalColumns() {
        CsvHeader<CanonicalColumn> header = canonical(List.of("order_id", "customer_email", "customer_name", "sku",
                "product_name", "quantity", "unit_price", "currency", "ordered_at"));
        assertTrue(header.has(CanonicalColumn.CURRENCY));
        assertTrue(header.has(CanonicalColumn.ORDERED_AT));
    }

    @Test
    void unknownColumnFailsTheFileNamingIt() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> canonical(List.of("order_id",
                "customer_email", "customer_name", "sku", "product_name", "quantity", "unit_price", "discount")));
        assertTrue(e.getMessage().contains("unknown column 'discount'"), e.getMessage());
        assertTrue(e.getMessage().contains("order_id,customer_email"), e.getMessage());
    }

    @Test
    void missingRequiredColumnFailsTheFile() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> canonical(List.of("order_id",
                "customer_email", "customer_name", "sku", "product_name", "quantity")));
        assertTrue(e.getMessage().contains("unit_price"), e.getMessage());
    }

    @Test
    void duplicatedColumnFailsTheFile() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> canonical(List.of("order_id",
                "customer_email", "customer_name", "sku", "product_name", "quantity", "unit_price", "SKU")));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    private static CsvHeader<CanonicalColumn> canonical(List<String> names) {
        return CsvHeader.parse(names, CanonicalColumn.class, "the canonical format");
    }
}
