package dev.oms.imports.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderAssemblerTest {

    private static final UUID JOB = ReadOrders.JOB;
    private static final String HEADER = "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price,ordered_at\n";

    @Test
    void contiguousRowsOfOneOrderBecomeOneOrderRequested() {
        List<AssembledOrder> orders = assemble(HEADER
                + "A-1,Ann@Example.com,Ann Lee,SKU-1,Mug,2,12.99,2024-05-01\n"
                + "A-1,ann@example.com,Ann Lee,SKU-2,\"Plate, large\",1,0.10,2024-05-01\n"
                + "B-2,bob@example.com,Bob,SKU-1,Mug,1,12.99,\n");

        assertEquals(2, orders.size());
        AcceptedOrder first = assertInstanceOf(AcceptedOrder.class, orders.get(0));
        assertEquals(1, first.ordinal());
        assertEquals(2, first.rowCount());
        assertEquals(new OrderRequested(Ids.orderId("A-1"), "A-1", Lane.BULK,
                new CustomerRef(Ids.customerId("ann@example.com"), "ann@example.com", "Ann Lee"),
                List.of(new OrderLine("SKU-1", "Mug", 2, new Money(1299, "USD")),
                        new OrderLine("SKU-2", "Plate, large", 1, new Money(10, "USD"))),
                Instant.parse("2024-05-01T00:00:00Z"), JOB, 2L), first.order());

        AcceptedOrder second = assertInstanceOf(AcceptedOrder.class, orders.get(1));
        assertEquals(2, second.ordinal());
        assertEquals(4L, second.order().sourceLine());
        assertNull(second.order().orderedAt());
    }

    @Test
    void oneBadRowRejectsItsWholeOrderAndTheImportGoesOn() {
        List<AssembledOrder> orders = assemble(HEADER
                + "A-1,ann@example.com,Ann,SKU-1,Mug,1,5.00,\n"
                + "B-2,bob@example.com,Bob,SKU-1,Mug,1,5.00,\n"
                + "B-2,bob@example.com,Bob,SKU-2,Cup,0,5.001,\n"
                + "B-2,bob@example.com,Bob,SKU-3,Pot,1,5.00,\n"
                + "C-3,cy@example.com,Cy,SKU-1,Mug,1,5.00,\n");

        assertEquals(3, orders.size());
        assertInstanceOf(AcceptedOrder.class, orders.get(0));
        RejectedOrder rejected = assertInstanceOf(RejectedOrder.class, orders.get(1));
        assertEquals("B-2", rejected.externalOrderId());
        assertEquals(3, rejected.rowCount());
        assertEquals(List.of(3L, 4L, 4L, 5L), rejected.errors().stream().map(RowError::lineNumber).toList());
        assertEquals("quantity", rejected.errors().get(1).column());
        assertEquals("unit_price", rejected.errors().get(2).column());
        RowError innocent = rejected.errors().get(0);
        assertNull(innocent.column());
        assertTrue(innocent.reason().contains("rejected with order B-2, which has errors on line(s) 4"), innocent.reason());
        assertEquals("B-2,bob@example.com,Bob,SKU-1,Mug,1,5.00,", innocent.rawLine());
        // The rejected order still took its place: C-3 is the third order of the file.
        assertEquals(3, assertInstanceOf(AcceptedOrder.class, orders.get(2)).ordinal());
    }

    @Test
    void rowsOfOneOrderMustAgreeOnCustomerAndDate() {
        List<AssembledOrder> orders = assemble(HEADER
                + "A-1,ann@example.com,Ann,SKU-1,Mug,1,5.00,2024-05-01\n"
                + "A-1,bob@example.com,Ann,SKU-2,Cup,1,5.00,2024-05-02\n");

        RejectedOrder rejected = assertInstanceOf(RejectedOrder.class, orders.get(0));
        List<RowError> onLine3 = rejected.errors().stream().filter(e -> e.lineNumber() == 3).toList();
        assertEquals(List.of("customer_email", "ordered_at"), onLine3.stream().map(RowError::column).toList());
        assertTrue(onLine3.get(0).reason().contains("differs from line 2"), onLine3.get(0).reason());
    }

    @Test
    void aRowWithoutOrderIdIsRejectedAloneWithoutBreakingTheOrderAroundIt() {
        List<AssembledOrder> orders = assemble(HEADER
                + "A-1,ann@example.com,Ann,SKU-1,Mug,1,5.00,\n"
                + ",ann@example.com,Ann,SKU-2,Cup,1,5.00,\n"
                + "A-1,ann@example.com,Ann,SKU-3,Pot,1,5.00,\n");

        assertEquals(2, orders.size());
        RejectedOrder alone = assertInstanceOf(RejectedOrder.class, orders.get(0));
        assertNull(alone.externalOrderId());
        assertEquals(1, alone.rowCount());
        assertEquals("order_id", alone.errors().get(0).column());
        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class, orders.get(1));
        assertEquals(2, order.order().lines().size());
        assertEquals(1, order.ordinal());
    }

    @Test
    void rowsOfAnOrderThatComeBackAfterAnotherOrderAreRejectedNamingItsFirstLine() {
        List<AssembledOrder> orders = assemble(HEADER
                + "A-1,ann@example.com,Ann,SKU-1,Mug,1,5.00,\n"
                + "B-2,bob@example.com,Bob,SKU-1,Mug,1,5.00,\n"
                + "A-1,ann@example.com,Ann,SKU-2,Cup,1,5.00,\n"
                + "A-1,ann@example.com,Ann,SKU-3,Pot,1,5.00,\n"
                + "C-3,cy@example.com,Cy,SKU-1,Mug,1,5.00,\n");

        assertEquals(4, orders.size());
        assertEquals(1, assertInstanceOf(AcceptedOrder.class, orders.get(0)).ordinal());
        assertEquals(2, assertInstanceOf(AcceptedOrder.class, orders.get(1)).ordinal());
        RejectedOrder repeat = assertInstanceOf(RejectedOrder.class, orders.get(2));
        assertEquals(2, repeat.rowCount());
        assertEquals(List.of(4L, 5L), repeat.errors().stream().map(RowError::lineNumber).toList());
        assertEquals("order A-1 already started on line 2: the rows of an order must be contiguous",
                repeat.errors().get(0).reason());
        // The repeat is not an order: the next one keeps its place (and so its event id).
        assertEquals(3, assertInstanceOf(AcceptedOrder.class, orders.get(3)).ordinal());
    }

    @Test
    void anOrderOfMoreThan200LinesIsRejectedWholeAndItsFurtherRowsOneByOne() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 203; i++) {
            csv.append("L-1,ann@example.com,Ann,SKU-").append(i).append(",Mug,1,5.00,\n");
        }
        csv.append("M-2,bob@example.com,Bob,SKU-1,Mug,1,5.00,\n");

        List<AssembledOrder> orders = assemble(csv.toString());

        assertEquals(4, orders.size());
        RejectedOrder tooLong = assertInstanceOf(RejectedOrder.class, orders.get(0));
        assertEquals("L-1", tooLong.externalOrderId());
        assertEquals(201, tooLong.rowCount());
        String reason = "rejected with order L-1, which has more than 200 lines (an order has at most 200)";
        assertEquals(reason, tooLong.errors().get(0).reason());
        for (AssembledOrder further : orders.subList(1, 3)) {
            RejectedOrder row = assertInstanceOf(RejectedOrder.class, further);
            assertNull(row.externalOrderId(), "counted as rows, not as more orders");
            assertEquals(reason, row.errors().get(0).reason());
        }
        assertEquals(List.of(203L, 204L), orders.subList(1, 3).stream()
                .map(o -> ((RejectedOrder) o).errors().get(0).lineNumber()).toList());
        assertEquals("M-2", assertInstanceOf(AcceptedOrder.class, orders.get(3)).order().externalOrderId());
    }

    @Test
    void anOrderOfExactly200LinesIsAccepted() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 200; i++) {
            csv.append("L-1,ann@example.com,Ann,SKU-").append(i).append(",Mug,1,5.00,\n");
        }
        assertEquals(200, assertInstanceOf(AcceptedOrder.class, assemble(csv.toString()).get(0)).order().lines().size());
    }

    @Test
    void aBlankLineIsARejectedRowAndDoesNotSplitTheOrderAroundIt() {
        List<AssembledOrder> orders = assemble(HEADER
                + "A-1,ann@example.com,Ann,SKU-1,Mug,1,5.00,\n"
                + "\n"
                + "A-1,ann@example.com,Ann,SKU-2,Cup,1,5.00,\n");

        RejectedOrder blank = assertInstanceOf(RejectedOrder.class, orders.get(0));
        assertEquals(List.of(new RowError(3, null, "is blank", "")), blank.errors());
        AcceptedOrder order = assertInstanceOf(AcceptedOrder.class, orders.get(1));
        assertEquals(2, order.order().lines().size());
    }

    @Test
    void anOrderWithManyBadRowsNamesOnlyTheFirstFewInTheReasonOfItsOtherRows() {
        StringBuilder csv = new StringBuilder(HEADER).append("A-1,ann@example.com,Ann,SKU-0,Mug,1,5.00,\n");
        for (int i = 1; i <= 12; i++) {
            csv.append("A-1,ann@example.com,Ann,SKU-").append(i).append(",Mug,0,5.00,\n");
        }
        RejectedOrder rejected = assertInstanceOf(RejectedOrder.class, assemble(csv.toString()).get(0));
        assertEquals(13, rejected.rowCount());
        assertTrue(rejected.errors().get(0).reason().endsWith("line(s) 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more"),
                rejected.errors().get(0).reason());
    }

    @Test
    void anEmptyFileBodyHasNoOrders() {
        assertEquals(List.of(), assemble(HEADER));
    }

    @Test
    void eventIdsAreNameBasedOnFileHashAndOrdinal() {
        String sha = "ab".repeat(32);
        assertEquals(Ids.nameBased("import:" + sha + ":7"), ImportEventIds.eventId(sha, 7));
        assertEquals(ImportEventIds.eventId(sha, 7), ImportEventIds.eventId(sha, 7));
        assertTrue(!ImportEventIds.eventId(sha, 7).equals(ImportEventIds.eventId(sha, 8)));
    }

    private static List<AssembledOrder> assemble(String csv) {
        return ReadOrders.from(csv);
    }
}
