package dev.oms.imports.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Laravel "items JSON" format: one row per order, its lines a JSON array whose amounts must add up to
 * total_amount. JSON in the tests is written with single quotes ({@link #json}) and CSV-quoted by {@link #row}.
 */
class ItemsJsonOrdersTest {

    private static final String HEADER = "customer_email,customer_name,order_number,total_amount,items\n";
    private static final String ONE_MUG = json("[{'sku':'MUG','quantity':1,'unit_price':5.00}]");

    @Test
    void aValidRowIsOneOrderWithItsItemsAsLines() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + row("Ann@Example.com", "Ann Lee", "INV-1001", "20.19",
                json("[{'sku':'MUG','quantity':2,'unit_price':0.10},{'sku':' PLATE ','quantity':'1','unit_price':'19.99'}]")));

        assertEquals(1, orders.size());
        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        assertEquals(1, order.ordinal());
        assertEquals(1, order.rowCount());
        assertEquals(new OrderRequested(Ids.orderId("INV-1001"), "INV-1001", Lane.BULK,
                new CustomerRef(Ids.customerId("ann@example.com"), "ann@example.com", "Ann Lee"),
                List.of(new OrderLine("MUG", null, 2, new Money(10, "USD")),
                        new OrderLine("PLATE", null, 1, new Money(1999, "USD"))),
                null, ReadOrders.JOB, 2L), order.order());
    }

    @Test
    void eachRowIsTheNextOrderOfTheFileWithItsOwnSourceLine() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + row("ann@example.com", "Ann", "A-1", "5.00", ONE_MUG)
                + row("bob@example.com", "Bob", "B-2", "5.00", ONE_MUG));

        assertEquals(2, orders.size());
        AcceptedOrder second = assertInstanceOf(AcceptedOrder.class, orders.get(1));
        assertEquals(2, second.ordinal());
        assertEquals("B-2", second.order().externalOrderId());
        assertEquals(3L, second.order().sourceLine());
    }

    @Test
    void pricesAsJsonNumbersAreReadExactlyNeverThroughADouble() {
        // 9007199254740993 cents is 2^53 + 1: a double cannot hold it, so any detour through one loses the cent.
        List<AssembledOrder> orders = ReadOrders.from(HEADER + row("ann@example.com", "Ann", "A-1",
                "90071992547409.93", json("[{'sku':'YACHT','quantity':1,'unit_price':90071992547409.93}]")));

        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        assertEquals(new Money(9007199254740993L, "USD"), order.order().lines().get(0).unitPrice());
    }

    @Test
    void pricesAsJsonStringsAreReadExactly() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER + row("ann@example.com", "Ann", "A-1",
                "90071992547409.93", json("[{'sku':'YACHT','quantity':1,'unit_price':'90071992547409.93'}]")));

        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        assertEquals(new Money(9007199254740993L, "USD"), order.order().lines().get(0).unitPrice());
    }

    @Test
    void theItemsCellIsReadThroughCsvQuoting() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + "ann@example.com,Ann,A-1,3.00,\"[{\"\"sku\"\":\"\"A,1\"\",\"\"quantity\"\":3,\"\"unit_price\"\":\"\"1.00\"\"}]\"\n"
                + "bob@example.com,Bob,B-2,1.00,\"[\n  {\"\"sku\"\":\"\"B\"\",\n   \"\"quantity\"\":1, \"\"unit_price\"\":1}\n]\"\n"
                + "cy@example.com,Cy,C-3,1.00,\"[{\"\"sku\"\":\"\"C\"\",\"\"quantity\"\":1,\"\"unit_price\"\":1}]\"\n");

        assertEquals(3, orders.size());
        assertEquals(List.of(new OrderLine("A,1", null, 3, new Money(100, "USD"))),
                assertInstanceOf(AcceptedOrder.class, orders.get(0)).order().lines());
        assertEquals(List.of(new OrderLine("B", null, 1, new Money(100, "USD"))),
                assertInstanceOf(AcceptedOrder.class, orders.get(1)).order().lines());
        // The JSON of B-2 spans lines 3 to 6: C-3 starts on line 7.
        assertEquals(7L, assertInstanceOf(AcceptedOrder.class, orders.get(2)).order().sourceLine());
    }

    @Test
    void anOrderMayHave200Items() {
        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class,
                ReadOrders.from(HEADER + row("ann@example.com", "Ann", "A-1", "200.00", items(200))).get(0));
        assertEquals(200, order.order().lines().size());
    }

    // --- one malformed case per test: the order is rejected with the reason, on its cell ---

    @Test
    void itemsThatAreNotJsonAreRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00", "not json"), "items",
                "is not valid JSON (error at character 1)");
    }

    @Test
    void textAfterTheItemsArrayIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                json("[{'sku':'MUG','quantity':1,'unit_price':5.00}] [1]")), "items", "is not valid JSON (error at character 48)");
    }

    @Test
    void itemsThatAreAnObjectNotAnArrayAreRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00", json("{'sku':'MUG','quantity':1,'unit_price':5}")),
                "items", "must be a non-empty JSON array of {sku, quantity, unit_price}");
    }

    @Test
    void anEmptyItemsArrayIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "0.00", "[]"),
                "items", "must be a non-empty JSON array of {sku, quantity, unit_price}");
    }

    @Test
    void anEmptyItemsCellIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00", ""), "items", "is required");
    }

    @Test
    void moreThan200ItemsAreRejectedAndTheLongLineIsCutInTheReport() {
        String dataRow = row("ann@example.com", "Ann", "A-1", "201.00", items(201)).strip();
        RejectedOrder rejected = assertInstanceOf(RejectedOrder.class, ReadOrders.from(HEADER + dataRow).get(0));

        RowError error = rejected.errors().get(0);
        assertEquals(1, rejected.errors().size());
        assertEquals("items", error.column());
        assertEquals("has 201 items; an order has at most 200", error.reason());
        assertEquals(dataRow.substring(0, 2000) + "…", error.rawLine());
    }

    @Test
    void anItemThatIsNotAnObjectIsRejectedNamingItsPosition() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                        json("[{'sku':'MUG','quantity':1,'unit_price':5}, 'CUP']")),
                "items", "item 2: must be an object {sku, quantity, unit_price}");
    }

    @Test
    void anItemWithoutSkuIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00", json("[{'quantity':1,'unit_price':5}]")),
                "items", "item 1: sku must be a non-empty string");
    }

    @Test
    void anItemWithABlankSkuIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00", json("[{'sku':'  ','quantity':1,'unit_price':5}]")),
                "items", "item 1: sku must be a non-empty string");
    }

    @ParameterizedTest(name = "quantity {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "'quantity':0,       | item 1: quantity must be positive, got '0'",
            "'quantity':-1,      | item 1: quantity must be positive, got '-1'",
            "'quantity':1.5,     | item 1: quantity must be a whole number",
            "'quantity':'abc',   | item 1: quantity must be a whole number, got 'abc'",
            "'quantity':'1.5',   | item 1: quantity must be a whole number, got '1.5'",
            "'quantity':true,    | item 1: quantity must be a whole number",
            "``                  | item 1: quantity must be a whole number"})
    void anItemWithoutAPositiveWholeQuantityIsRejected(String quantity, String reason) {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                json("[{'sku':'MUG'," + quantity + "'unit_price':5}]")), "items", reason);
    }

    @Test
    void aUnitPriceWithThreeDecimalsIsRejectedNotRounded() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "10.00",
                        json("[{'sku':'MUG','quantity':1,'unit_price':5}, {'sku':'CUP','quantity':1,'unit_price':4.995}]")),
                "items", "item 2: unit_price has more than 2 decimal place(s) for USD, got '4.995'");
    }

    @Test
    void aUnitPriceStringWithThreeDecimalsIsRejectedNotRounded() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                        json("[{'sku':'MUG','quantity':1,'unit_price':'4.995'}]")),
                "items", "item 1: unit_price has more than 2 decimal place(s) for USD, got '4.995'");
    }

    @Test
    void aNegativeUnitPriceIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "0.00",
                        json("[{'sku':'MUG','quantity':1,'unit_price':-4.99}]")),
                "items", "item 1: unit_price must not be negative, got '-4.99'");
    }

    @Test
    void aUnitPriceThatIsNotADecimalTextIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                        json("[{'sku':'MUG','quantity':1,'unit_price':'$5'}]")),
                "items", "item 1: unit_price must be a decimal number like 12.99, got '$5'");
    }

    @Test
    void aUnitPriceThatIsNeitherNumberNorStringIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                        json("[{'sku':'MUG','quantity':1,'unit_price':true}]")),
                "items", "item 1: unit_price must be a decimal amount");
    }

    @Test
    void anItemWithoutUnitPriceIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00", json("[{'sku':'MUG','quantity':1}]")),
                "items", "item 1: unit_price must be a decimal amount");
    }

    @Test
    void aTotalThatIsNotTheSumOfTheItemsIsRejectedNamingBothAmounts() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "10.00",
                        json("[{'sku':'MUG','quantity':2,'unit_price':'4.99'}]")),
                "total_amount", "is 10.00 but the items add up to 9.98");
    }

    @Test
    void anOverPreciseTotalIsRejectedNotRounded() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "9.981",
                        json("[{'sku':'MUG','quantity':2,'unit_price':'4.99'}]")),
                "total_amount", "has more than 2 decimal place(s) for USD, got '9.981'");
    }

    @Test
    void aBadEmailIsRejected() {
        assertRejected(row("not-an-email", "Ann", "A-1", "5.00", ONE_MUG),
                "customer_email", "is not a valid email address, got 'not-an-email'");
    }

    @Test
    void aRowWithoutOrderNumberIsRejectedAloneAndTakesNoPlace() {
        String withoutNumber = row("ann@example.com", "Ann", "", "5.00", ONE_MUG);
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + withoutNumber
                + row("bob@example.com", "Bob", "B-2", "5.00", ONE_MUG));

        assertEquals(2, orders.size());
        RejectedOrder alone = assertInstanceOf(RejectedOrder.class, orders.get(0));
        assertNull(alone.externalOrderId());
        assertEquals(1, alone.rowCount());
        assertEquals(List.of(new RowError(2, "order_number", "is required", withoutNumber.strip())),
                alone.errors());
        assertEquals(1, assertInstanceOf(AcceptedOrder.class, orders.get(1)).ordinal());
    }

    @Test
    void anOrderNumberSeenOnAnEarlierRowIsRejectedNamingThatLine() {
        String repeat = row("ann@example.com", "Ann", "A-1", "5.00", ONE_MUG);
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + row("ann@example.com", "Ann", "A-1", "5.00", ONE_MUG)
                + row("bob@example.com", "Bob", "B-2", "5.00", ONE_MUG)
                + repeat
                + row("cy@example.com", "Cy", "C-3", "5.00", ONE_MUG));

        assertEquals(4, orders.size());
        RejectedOrder rejected = assertInstanceOf(RejectedOrder.class, orders.get(2));
        assertEquals("A-1", rejected.externalOrderId());
        assertEquals(List.of(new RowError(4, "order_number",
                "order A-1 already appeared on line 2: each order must be on one row", repeat.strip())), rejected.errors());
        // The repeat is not an order: the next one keeps its place (and so its event id).
        assertEquals(3, assertInstanceOf(AcceptedOrder.class, orders.get(3)).ordinal());
    }

    @Test
    void anOrderNumberOfAnEarlierRejectedRowIsStillARepeat() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + row("ann@example.com", "Ann", "A-1", "6.00", ONE_MUG)
                + row("ann@example.com", "Ann", "A-1", "5.00", ONE_MUG));

        assertEquals(List.of("is 6.00 but the items add up to 5.00",
                        "order A-1 already appeared on line 2: each order must be on one row"),
                ReadOrders.errors(orders).stream().map(RowError::reason).toList());
    }

    @Test
    void aRejectedOrderStillTakesItsPlaceSoLaterOrdersKeepTheirEventIds() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + row("not-an-email", "Ann", "A-1", "5.00", ONE_MUG)
                + row("bob@example.com", "Bob", "B-2", "5.00", ONE_MUG));

        assertEquals("A-1", assertInstanceOf(RejectedOrder.class, orders.get(0)).externalOrderId());
        assertEquals(2, assertInstanceOf(AcceptedOrder.class, orders.get(1)).ordinal());
    }

    @Test
    void aRowWithExtraFieldsIsRejected() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00", ONE_MUG).strip() + ",gift wrap\n",
                null, "has 6 fields but the header has 5");
    }

    @Test
    void aRowWithMissingFieldsIsRejectedNamingTheMissingCell() {
        assertRejected("ann@example.com,Ann,A-1,5.00\n", "items", "is missing: the row has 4 fields but the header has 5");
    }

    @Test
    void aPriceWithAHugeExponentIsRefusedWithoutWritingItsDigitsOut() {
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                        json("[{'sku':'MUG','quantity':1,'unit_price':1e999999999}]")), "items",
                "item 1: unit_price is too large, got '1E+999999999'");
    }

    @Test
    void aLongValueIsQuotedCutSoTheReasonStaysShort() {
        String long500 = "9".repeat(250) + "x".repeat(250);
        assertRejected(row("ann@example.com", "Ann", "A-1", "5.00",
                        json("[{'sku':'MUG','quantity':'" + long500 + "','unit_price':5}]")), "items",
                "item 1: quantity must be a whole number, got '" + long500.substring(0, 100) + "…'");
    }

    @Test
    void everyProblemOfARowIsReportedAtOnce() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER + row("nope", "", "A-1", "5.001", "[]"));

        assertEquals(List.of("customer_email: is not a valid email address, got 'nope'",
                        "customer_name: is required",
                        "total_amount: has more than 2 decimal place(s) for USD, got '5.001'",
                        "items: must be a non-empty JSON array of {sku, quantity, unit_price}"),
                ReadOrders.errors(orders).stream().map(e -> e.column() + ": " + e.reason()).toList());
    }

    /** The file of one data row (line 2) is one rejected order whose only error is on {@code column}. */
    private static void assertRejected(String dataRow, String column, String reason) {
        List<AssembledOrder> orders = ReadOrders.from(HEADER + dataRow);
        assertEquals(1, orders.size(), orders::toString);
        RejectedOrder rejected = assertInstanceOf(RejectedOrder.class, orders.get(0));
        assertEquals("A-1", rejected.externalOrderId());
        assertEquals(1, rejected.rowCount());
        assertEquals(List.of(new RowError(2, column, reason, dataRow.strip())), rejected.errors());
    }

    /** A data row; the items cell is quoted for CSV when it needs to be, as a spreadsheet would write it. */
    private static String row(String email, String name, String orderNumber, String total, String items) {
        boolean quote = items.indexOf(',') >= 0 || items.indexOf('"') >= 0;
        String cell = quote ? '"' + items.replace("\"", "\"\"") + '"' : items;
        return email + "," + name + "," + orderNumber + "," + total + "," + cell + "\n";
    }

    /** JSON written with single quotes, for readability. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** {@code count} items of 1.00 each. */
    private static String items(int count) {
        StringBuilder items = new StringBuilder("[");
        for (int i = 1; i <= count; i++) {
            items.append(i > 1 ? "," : "").append(json("{'sku':'SKU-" + i + "','quantity':1,'unit_price':1}"));
        }
        return items.append(']').toString();
    }
}
