package dev.oms.imports.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which of the three formats a file is in, told from its header alone; a file in none of them is refused whole. */
class OrderFormatsTest {

    private static final String CANONICAL = "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price";
    private static final String ITEMS_JSON = "customer_email,customer_name,order_number,total_amount,items";
    private static final String LINE = "customer_email,customer_name,product_name,product_price,quantity,order_date";

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price                    | canonical",
            "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price,currency,ordered_at | canonical",
            "UNIT_PRICE,Quantity,Product_Name,SKU,Customer_Name,Customer_Email,Order_ID                    | canonical",
            "customer_email,customer_name,order_number,total_amount,items                                  | items-json",
            "ITEMS,Total_Amount,ORDER_NUMBER,customer_name,Customer_Email                                  | items-json",
            "customer_email,customer_name,product_name,product_price,quantity,order_date                   | line",
            "customer_email,customer_name,product_name,product_price,quantity                              | line",
            "Order_Date,QUANTITY,Product_Price,product_name,CUSTOMER_NAME,customer_email                   | line"})
    void theHeaderTellsTheFormatCaseInsensitivelyAndInAnyOrder(String header, String format) throws IOException {
        try (OrderFile file = ReadOrders.open(header + "\n")) {
            assertEquals(format, file.format());
        }
    }

    @Test
    void columnsInAnotherOrderAreReadByTheirNames() {
        List<AssembledOrder> orders = ReadOrders.from(
                "ITEMS,Total_Amount,ORDER_NUMBER,customer_name,Customer_Email\n"
                        + "\"[{\"\"sku\"\":\"\"MUG\"\",\"\"quantity\"\":2,\"\"unit_price\"\":\"\"2.50\"\"}]\",5.00,A-1,Ann,ann@example.com\n");

        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        assertEquals("A-1", order.order().externalOrderId());
        assertEquals("ann@example.com", order.order().customer().email());
        assertEquals("Ann", order.order().customer().name());
        assertEquals(2, order.order().lines().get(0).quantity());
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("orders.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (LINE + "\r\nann@example.com,Ann,Mug,12.99,1,2024-05-01\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        Files.write(csv, bytes);

        try (OrderFile file = OrderFile.open(CsvRowReader.open(csv), ShopCurrency.of("USD"), ReadOrders.JOB,
                ReadOrders.IMPORT_DAY)) {
            assertEquals("line", file.format());
            List<AssembledOrder> orders = ReadOrders.readAll(file);
            assertEquals("ann@example.com",
                    assertInstanceOf(AcceptedOrder.class, orders.get(0)).order().customer().email());
        }
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkipped() throws IOException {
        try (OrderFile file = ReadOrders.open("\n\n" + CANONICAL + "\nA-1,ann@example.com,Ann,SKU-1,Mug,1,5.00\n")) {
            assertEquals("canonical", file.format());
            List<AssembledOrder> orders = ReadOrders.readAll(file);
            assertEquals(4L, assertInstanceOf(AcceptedOrder.class, orders.get(0)).order().sourceLine());
        }
    }

    @Test
    void aHeaderOfNoFormatIsRefusedListingTheThreeFormats() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> ReadOrders.open("email,name,product,price,qty\n"));
        assertEquals("the header matches none of the import formats: "
                + "canonical order_id,customer_email,customer_name,sku,product_name,quantity,unit_price,[currency],[ordered_at], "
                + "items JSON customer_email,customer_name,order_number,total_amount,items "
                + "or line customer_email,customer_name,product_name,product_price,quantity,[order_date]", e.getMessage());
    }

    @Test
    void anUnknownColumnInTheCanonicalFormatIsRefusedNamingIt() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> ReadOrders.open(CANONICAL + ",Discount\n"));
        assertEquals("unknown column 'discount' in the header; the canonical format has "
                + "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price,[currency],[ordered_at]",
                e.getMessage());
    }

    @Test
    void anUnknownColumnInTheItemsJsonFormatIsRefusedNamingIt() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> ReadOrders.open(ITEMS_JSON + ",coupon\n"));
        assertEquals("unknown column 'coupon' in the header; the items JSON format has "
                + "customer_email,customer_name,order_number,total_amount,items", e.getMessage());
    }

    @Test
    void anUnknownColumnInTheLineFormatIsRefusedNamingIt() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> ReadOrders.open(LINE + ",sku\n"));
        assertEquals("unknown column 'sku' in the header; the line format has "
                + "customer_email,customer_name,product_name,product_price,quantity,[order_date]", e.getMessage());
    }

    @Test
    void aMissingRequiredColumnOfTheDetectedFormatIsRefusedNamingIt() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> ReadOrders.open("customer_email,customer_name,order_number,items\n"));
        assertEquals("the header lacks the required column(s) total_amount; the items JSON format has "
                + "customer_email,customer_name,order_number,total_amount,items", e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> ReadOrders.open(""));
        assertEquals("the file is empty", e.getMessage());
    }

    @Test
    void aFileOfBlankLinesIsEmpty() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> ReadOrders.open("\n  \n\r\n"));
        assertEquals("the file is empty", e.getMessage());
    }

    @Test
    void aHeaderWithoutRowsHasNoOrders() {
        assertEquals(List.of(), ReadOrders.from(ITEMS_JSON + "\n"));
        assertEquals(List.of(), ReadOrders.from(LINE));
    }
}
