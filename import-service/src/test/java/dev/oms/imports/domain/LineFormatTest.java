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

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Laravel "line" format: one row per order line, products named but without SKUs; the contiguous rows of one
 * customer on one day are one order, whose id is derived from the customer and the day.
 */
class LineFormatTest {

    private static final String HEADER = "customer_email,customer_name,product_name,product_price,quantity,order_date\n";
    private static final String UNDATED_HEADER = "customer_email,customer_name,product_name,product_price,quantity\n";
    private static final LocalDate MAY_1 = LocalDate.parse("2024-05-01");

    @Test
    void contiguousRowsOfOneCustomerAndDateAreOneOrderOfNamedProducts() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + "Ann@Example.com,Ann Lee,Mug,12.99,2,2024-05-01\n"
                + "ann@example.com,Ann Lee,\"Plate, large\",0.10,1,2024-05-01\n"
                + "bob@example.com,Bob,Mug,12.99,1,2024-05-01\n");

        assertEquals(2, orders.size());
        AcceptedOrder ann = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        String annId = LineRowParser.externalOrderId("ann@example.com", MAY_1);
        assertEquals(1, ann.ordinal());
        assertEquals(2, ann.rowCount());
        assertEquals(new OrderRequested(Ids.orderId(annId), annId, Lane.BULK,
                new CustomerRef(Ids.customerId("ann@example.com"), "ann@example.com", "Ann Lee"),
                List.of(new OrderLine(null, "Mug", 2, new Money(1299, "USD")),
                        new OrderLine(null, "Plate, large", 1, new Money(10, "USD"))),
                Instant.parse("2024-05-01T00:00:00Z"), ReadOrders.JOB, 2L), ann.order());

        AcceptedOrder bob = assertInstanceOf(AcceptedOrder.class, orders.get(1));
        assertEquals(2, bob.ordinal());
        assertEquals(LineRowParser.externalOrderId("bob@example.com", MAY_1), bob.order().externalOrderId());
        assertEquals(4L, bob.order().sourceLine());
    }

    @Test
    void theOrderIdIsDerivedFromCustomerAndDaySoAnotherExportGivesTheSameId() {
        assertEquals("L-2024-05-01-c67f3ce7-0573-5837-b526-68d9edcdec99",
                LineRowParser.externalOrderId("ann@example.com", MAY_1));
        assertEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1),
                LineRowParser.externalOrderId(" ANN@Example.COM ", MAY_1));
        assertNotEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1),
                LineRowParser.externalOrderId("ann@example.com", MAY_1.plusDays(1)));
        assertNotEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1),
                LineRowParser.externalOrderId("bob@example.com", MAY_1));
    }

    @Test
    void theSameFileReadTwiceGivesTheSameOrders() {
        String csv = HEADER + "ANN@example.com,Ann,Mug,12.99,2,2024-05-01\n";
        assertEquals(ReadOrders.from(csv), ReadOrders.from(csv));
        assertEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1),
                assertInstanceOf(AcceptedOrder.class, ReadOrders.from(csv).get(0)).order().externalOrderId());
    }

    @ParameterizedTest
    @CsvSource({
            "2024-05-01,                2024-05-01T00:00:00Z, 2024-05-01",
            "2024-05-01 10:15:30,       2024-05-01T10:15:30Z, 2024-05-01",
            "2024-05-01T10:15:30Z,      2024-05-01T10:15:30Z, 2024-05-01",
            "2024-05-01T23:30:00-02:00, 2024-05-02T01:30:00Z, 2024-05-02"})
    void theOrderIsDatedFromTheOrderDateAndGroupedByItsUtcDay(String cell, String orderedAt, String utcDay) {
        List<AssembledOrder> orders = ReadOrders.from(HEADER + "ann@example.com,Ann,Mug,12.99,1," + cell + "\n");

        OrderRequested order = assertInstanceOf(AcceptedOrder.class, orders.get(0)).order();
        assertEquals(Instant.parse(orderedAt), order.orderedAt());
        assertEquals(LineRowParser.externalOrderId("ann@example.com", LocalDate.parse(utcDay)), order.externalOrderId());
    }

    @Test
    void rowsOfOneCustomerAndDayAtDifferentTimesAreOneOrderDatedByItsFirstRow() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + "ann@example.com,Ann,Mug,1.00,1,2024-05-01 10:15:30\n"
                + "ann@example.com,Ann,Cup,1.00,1,2024-05-01 10:15:31\n");

        assertEquals(1, orders.size());
        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        assertEquals(2, order.order().lines().size());
        assertEquals(Instant.parse("2024-05-01T10:15:30Z"), order.order().orderedAt());
    }

    @Test
    void anotherDateOfTheSameCustomerStartsANewOrder() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + "ann@example.com,Ann,Mug,12.99,1,2024-05-01\n"
                + "ann@example.com,Ann,Cup,4.50,1,2024-05-02\n");

        assertEquals(2, orders.size());
        AcceptedOrder first = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        AcceptedOrder second = assertInstanceOf(AcceptedOrder.class, orders.get(1));
        assertEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1), first.order().externalOrderId());
        assertEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1.plusDays(1)),
                second.order().externalOrderId());
        assertEquals(List.of(1L, 2L), List.of(first.ordinal(), second.ordinal()));
        assertEquals(1, second.order().lines().size());
    }

    @Test
    void aLaterRowOfAnOrderAfterAnotherOrderIsRejectedNamingItsFirstLine() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + "ann@example.com,Ann,Mug,12.99,1,2024-05-01\n"
                + "bob@example.com,Bob,Mug,12.99,1,2024-05-01\n"
                + "ANN@example.com,Ann,Cup,4.50,1,2024-05-01\n"
                + "cy@example.com,Cy,Mug,12.99,1,2024-05-01\n");

        assertEquals(4, orders.size());
        assertEquals(1, assertInstanceOf(AcceptedOrder.class, orders.get(0)).order().lines().size());
        RejectedOrder repeat = assertInstanceOf(RejectedOrder.class, orders.get(2));
        assertEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1), repeat.externalOrderId());
        assertEquals(List.of(new RowError(4, null, "the order of ann@example.com on 2024-05-01 already started on line 2: "
                + "the rows of an order must be contiguous", "ANN@example.com,Ann,Cup,4.50,1,2024-05-01")), repeat.errors());
        // The repeat is not an order: the next one keeps its place (and so its event id).
        assertEquals(3, assertInstanceOf(AcceptedOrder.class, orders.get(3)).ordinal());
    }

    @Test
    void withoutAnOrderDateColumnOrdersAreDatedTheDayOfTheImportAndTheJobSaysHowMany() throws IOException {
        try (OrderFile file = ReadOrders.open(UNDATED_HEADER
                + "ann@example.com,Ann,Mug,12.99,1\n"
                + "ann@example.com,Ann,Cup,4.50,1\n"
                + "bob@example.com,Bob,Mug,12.99,1\n")) {
            List<AssembledOrder> orders = ReadOrders.readAll(file);

            assertEquals(2, orders.size());
            OrderRequested ann = assertInstanceOf(AcceptedOrder.class, orders.get(0)).order();
            assertEquals(ReadOrders.IMPORT_DAY.atStartOfDay().toInstant(ZoneOffset.UTC), ann.orderedAt());
            assertEquals(LineRowParser.externalOrderId("ann@example.com", ReadOrders.IMPORT_DAY), ann.externalOrderId());
            assertEquals(2, ann.lines().size());
            assertEquals(List.of("3 row(s) had no order_date: their orders are dated 2026-12-01, the day of the import"),
                    file.notes());
        }
    }

    @Test
    void anEmptyOrderDateIsTheDayOfTheImportToo() throws IOException {
        try (OrderFile file = ReadOrders.open(HEADER
                + "ann@example.com,Ann,Mug,12.99,1,2024-05-01\n"
                + "bob@example.com,Bob,Mug,12.99,1,\n"
                + "cy@example.com,Cy,Mug,12.99,1, \n")) {
            List<AssembledOrder> orders = ReadOrders.readAll(file);

            assertEquals(Instant.parse("2024-05-01T00:00:00Z"),
                    assertInstanceOf(AcceptedOrder.class, orders.get(0)).order().orderedAt());
            OrderRequested bob = assertInstanceOf(AcceptedOrder.class, orders.get(1)).order();
            assertEquals(Instant.parse("2026-12-01T00:00:00Z"), bob.orderedAt());
            assertEquals(LineRowParser.externalOrderId("bob@example.com", ReadOrders.IMPORT_DAY), bob.externalOrderId());
            assertEquals(Instant.parse("2026-12-01T00:00:00Z"),
                    assertInstanceOf(AcceptedOrder.class, orders.get(2)).order().orderedAt());
            assertEquals(List.of("2 row(s) had no order_date: their orders are dated 2026-12-01, the day of the import"),
                    file.notes());
        }
    }

    @Test
    void aFileWhoseRowsAllHaveADateHasNoNote() throws IOException {
        try (OrderFile file = ReadOrders.open(HEADER + "ann@example.com,Ann,Mug,12.99,1,2024-05-01\n")) {
            ReadOrders.readAll(file);
            assertEquals(List.of(), file.notes());
        }
    }

    // --- malformed rows ---

    @Test
    void aBadEmailRejectsItsRowAloneWithoutBreakingTheOrderAroundIt() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + "ann@example.com,Ann,Mug,12.99,1,2024-05-01\n"
                + "nope,Ann,Cup,4.50,1,2024-05-01\n"
                + "ann@example.com,Ann,Pot,20.00,1,2024-05-01\n");

        assertEquals(2, orders.size());
        RejectedOrder alone = assertInstanceOf(RejectedOrder.class, orders.get(0));
        assertNull(alone.externalOrderId());
        assertEquals(List.of(new RowError(3, "customer_email", "is not a valid email address, got 'nope'",
                "nope,Ann,Cup,4.50,1,2024-05-01")), alone.errors());
        assertEquals(List.of("Mug", "Pot"), assertInstanceOf(AcceptedOrder.class, orders.get(1)).order().lines()
                .stream().map(OrderLine::productName).toList());
    }

    @Test
    void aZeroQuantityRejectsTheWholeOrderOfThatCustomerAndDay() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER
                + "ann@example.com,Ann,Mug,12.99,1,2024-05-01\n"
                + "ann@example.com,Ann,Cup,4.50,0,2024-05-01\n");

        RejectedOrder rejected = assertInstanceOf(RejectedOrder.class, orders.get(0));
        assertEquals(LineRowParser.externalOrderId("ann@example.com", MAY_1), rejected.externalOrderId());
        assertEquals(2, rejected.rowCount());
        assertEquals(List.of(
                new RowError(2, null, "rejected with the order of ann@example.com on 2024-05-01, which has errors on line(s) 3",
                        "ann@example.com,Ann,Mug,12.99,1,2024-05-01"),
                new RowError(3, "quantity", "must be positive, got '0'", "ann@example.com,Ann,Cup,4.50,0,2024-05-01")),
                rejected.errors());
    }

    @Test
    void anOverPrecisePriceIsRejectedNotRounded() {
        List<AssembledOrder> orders = ReadOrders.from(HEADER + "ann@example.com,Ann,Mug,12.999,1,2024-05-01\n");

        assertEquals(List.of(new RowError(2, "product_price", "has more than 2 decimal place(s) for USD, got '12.999'",
                "ann@example.com,Ann,Mug,12.999,1,2024-05-01")), ReadOrders.errors(orders));
    }

    @Test
    void aBadDateRejectsItsRowAloneAndIsNotCountedAsUndated() throws IOException {
        try (OrderFile file = ReadOrders.open(HEADER + "ann@example.com,Ann,Mug,12.99,1,01/05/2024\n")) {
            List<AssembledOrder> orders = ReadOrders.readAll(file);

            RejectedOrder alone = assertInstanceOf(RejectedOrder.class, orders.get(0));
            assertNull(alone.externalOrderId());
            assertEquals(List.of(new RowError(2, "order_date", "must be an ISO-8601 instant with offset "
                    + "(2024-05-01T10:15:30Z), a date (2024-05-01) or a date-time in UTC (2024-05-01 10:15:30), "
                    + "got '01/05/2024'", "ann@example.com,Ann,Mug,12.99,1,01/05/2024")), alone.errors());
            assertEquals(List.of(), file.notes());
        }
    }
}
