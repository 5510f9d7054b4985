package dev.oms.system;

import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.Topics;
import dev.oms.system.OmsApi.ImportJob;
import dev.oms.system.OmsApi.OrderDetail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 6: a small file in each of the three formats makes the right orders in order-service (the line format's
 * product names resolved to SKUs, an unknown name REJECTED), and neither a duplicate file nor a re-imported order
 * id makes a second order.
 */
class ImportFormatsIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static OmsSystem system;
    private static OmsApi api;

    @BeforeAll
    static void startSystem() throws Exception {
        system = OmsSystem.startSaga("ImportFormatsIT", Map.of());
        api = new OmsApi(system);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void eachFormatMakesTheRightOrdersAndNothingIsOrderedTwice() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mug = "FMT-" + run + "-MUG";
        String plate = "FMT-" + run + "-PLATE";
        api.upsertProducts(List.of(
                new GeneratedImport.CatalogProduct(mug, "Mug " + run, 1299, 1_000),
                new GeneratedImport.CatalogProduct(plate, "Plate " + run, 350, 1_000)));

        String canonical = "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price\n"
                + "C-" + run + ",cal@example.com,Cal,\"" + mug + "\",Mug,2,12.99\n"
                + "C-" + run + ",cal@example.com,Cal," + plate + ",Plate,1,3.50\n";
        ImportJob first = imported("canonical-" + run + ".csv", canonical);
        assertEquals("canonical", first.format());

        String itemsJson = "customer_email,customer_name,order_number,total_amount,items\n"
                + "ida@example.com,Ida,J-" + run + ",16.49,\"[{\"\"sku\"\":\"\"" + mug + "\"\",\"\"quantity\"\":1,"
                + "\"\"unit_price\"\":12.99},{\"\"sku\"\":\"\"" + plate + "\"\",\"\"quantity\"\":1,\"\"unit_price\"\":\"\"3.50\"\"}]\"\n";
        assertEquals("items-json", imported("items-" + run + ".csv", itemsJson).format());

        String email = "lee-" + run + "@example.com";
        String line = "customer_email,customer_name,product_name,product_price,quantity,order_date\n"
                + email + ",Lee,Mug " + run + ",12.99,1,2024-05-01\n"
                + email + ",Lee,Plate " + run + ",3.50,2,2024-05-01\n"
                + email + ",Lee,Teapot " + run + ",20.00,1,2024-05-02\n";
        assertEquals("line", imported("line-" + run + ".csv", line).format());

        OrderDetail c = settled(Ids.orderId("C-" + run));
        assertEquals(List.of(new OrderLine(mug, "Mug", 2, usd(1299)), new OrderLine(plate, "Plate", 1, usd(350))), c.lines());
        assertEquals(usd(2948), c.total());

        OrderDetail j = settled(Ids.orderId("J-" + run));
        assertEquals(List.of(new OrderLine(mug, "Mug " + run, 1, usd(1299)), new OrderLine(plate, "Plate " + run, 1, usd(350))),
                j.lines());
        assertEquals(usd(1649), j.total());

        OrderDetail dated = settled(Ids.orderId(lineOrderId(email, "2024-05-01")));
        assertEquals(List.of(new OrderLine(mug, "Mug " + run, 1, usd(1299)), new OrderLine(plate, "Plate " + run, 2, usd(350))),
                dated.lines());
        OrderDetail unknown = settled(Ids.orderId(lineOrderId(email, "2024-05-02")));
        assertEquals("REJECTED", unknown.status());
        assertEquals("UNKNOWN_PRODUCT", unknown.reason());

        long ordersBefore = api.orderStats().total();
        ImportJob again = api.importCsv("canonical-again-" + run + ".csv", canonical);
        assertEquals(Boolean.TRUE, again.duplicate(), "the same content is a duplicate");
        assertEquals(first.importId(), again.importId());

        // Another file with the same order id (other lines) and one new order: only the new order is made.
        String reordered = "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price\n"
                + "C-" + run + ",cal@example.com,Cal," + plate + ",Plate,9,3.50\n"
                + "N-" + run + ",nia@example.com,Nia," + plate + ",Plate,1,3.50\n";
        assertEquals(2, imported("reordered-" + run + ".csv", reordered).ordersPublished());
        settled(Ids.orderId("N-" + run));
        await().atMost(PATIENCE).until(() -> TopicReader.consumedToEnd(system.bootstrapServers(), "order-service",
                Topics.ORDER_REQUESTS_BULK));
        assertEquals(ordersBefore + 1, api.orderStats().total());
        assertEquals(c.lines(), api.orderDetail(Ids.orderId("C-" + run)).lines(), "the first order is unchanged");
    }

    private static ImportJob imported(String fileName, String csv) {
        UUID id = api.importCsv(fileName, csv).importId();
        ImportJob job = await().atMost(PATIENCE).until(() -> api.importJob(id), ImportJob::ended);
        assertEquals("COMPLETED", job.status(), fileName + ": " + job.error());
        assertEquals(0, job.rowsRejected(), fileName);
        return job;
    }

    private static OrderDetail settled(UUID orderId) {
        return await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> api.orderDetail(orderId), o -> !OmsApi.MID_SAGA.contains(o.status()));
    }

    /** The line format's id of a customer's order of one day, as import-service derives it. */
    private static String lineOrderId(String email, String day) {
        return "L-" + day + "-" + Ids.nameBased("line-order:" + Ids.normalizeEmail(email) + ":" + LocalDate.parse(day));
    }

    private static Money usd(long minor) {
        return new Money(minor, "USD");
    }
}
