package dev.oms.imports.rest;

import dev.oms.events.EventCodec;
import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import dev.oms.imports.domain.LineRowParser;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.oms.imports.rest.ImportTestSupport.HEADER;
import static dev.oms.imports.rest.ImportTestSupport.awaitFinished;
import static dev.oms.imports.rest.ImportTestSupport.bytes;
import static dev.oms.imports.rest.ImportTestSupport.runId;
import static dev.oms.imports.rest.ImportTestSupport.submitMultipart;
import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dry runs, the error threshold, the rejected-rows CSV, cancelling, progress events and the Laravel formats. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_imports"))
class ImportJobLifecycleTest {

    private static ImportTestSupport topic;

    @BeforeAll
    static void connectToKafka() {
        topic = new ImportTestSupport();
    }

    @AfterAll
    static void closeKafka() {
        if (topic != null) {
            topic.close();
        }
    }

    @Test
    void aDryRunValidatesWithoutPublishingAndTheContentCanStillBeImported() {
        String run = runId();
        String csv = HEADER
                + "V-" + run + ",val@example.com,Val,SKU-1,Mug,1,5.00,,\n"
                + "W-" + run + ",wes@example.com,Wes,SKU-1,Mug,0,5.00,,\n";

        UUID dryRun = UUID.fromString(asStaff().multiPart("file", "check.csv", bytes(csv), "text/csv")
                .queryParam("dryRun", true)
                .when().post("/imports")
                .then().statusCode(202).body("dryRun", equalTo(true))
                .extract().path("importId"));
        JsonPath checked = awaitFinished(dryRun);
        assertEquals("COMPLETED", checked.getString("status"), checked.prettify());
        assertEquals(1, checked.getLong("ordersValid"));
        assertEquals(0, checked.getLong("ordersPublished"));
        assertEquals(1, checked.getLong("rowsRejected"));
        assertEquals("canonical", checked.getString("format"));
        assertTrue(checked.getLong("rowsPerSecond") > 0, "a run of milliseconds still has a rate: " + checked.prettify());
        assertEquals(Set.of(), topic.recordsFor(Set.of("V-" + run)).keySet());

        // The dry run is not the import of this content: the real one starts, and publishes.
        UUID imported = UUID.fromString(asStaff().multiPart("file", "real.csv", bytes(csv), "text/csv")
                .when().post("/imports")
                .then().statusCode(202).body("dryRun", equalTo(false))
                .extract().path("importId"));
        assertTrue(!imported.equals(dryRun));
        assertEquals(1, awaitFinished(imported).getLong("ordersPublished"));
        topic.awaitRecords(Set.of("V-" + run));
    }

    @Test
    void moreRejectedRowsThanTheThresholdFailTheImportWithTheRowsSoFarListed() {
        String run = runId();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 3; i++) {
            csv.append("E").append(i).append('-').append(run).append(",bad-email,Eve,SKU-1,Mug,1,5.00,,\n");
        }
        csv.append("F-").append(run).append(",fay@example.com,Fay,SKU-1,Mug,1,5.00,,\n");

        UUID jobId = UUID.fromString(asStaff().multiPart("file", "bad.csv", bytes(csv.toString()), "text/csv")
                .queryParam("maxRejectedRows", 1)
                .when().post("/imports")
                .then().statusCode(202).body("maxRejectedRows", equalTo(1))
                .extract().path("importId"));
        JsonPath job = awaitFinished(jobId);
        assertEquals("FAILED", job.getString("status"));
        // Row 1's order is complete (and rejected) once row 2 starts another: the import stops on reading row 3.
        assertEquals("more than 1 rows were rejected, so the import stopped after 3 rows; fix the file and import "
                + "it again", job.getString("error"));
        assertEquals(2, asStaff().when().get("/imports/{id}/errors", jobId).then().statusCode(200)
                .extract().jsonPath().getList("$").size());
        assertEquals(Set.of(), topic.recordsFor(Set.of("F-" + run)).keySet());

        // The same file again with a higher limit: the job resumes under it and completes.
        asStaff().multiPart("file", "bad.csv", bytes(csv.toString()), "text/csv")
                .queryParam("maxRejectedRows", 5)
                .when().post("/imports")
                .then().statusCode(202).body("importId", equalTo(jobId.toString())).body("maxRejectedRows", equalTo(5));
        JsonPath resumed = awaitFinished(jobId);
        assertEquals("COMPLETED", resumed.getString("status"), resumed.prettify());
        assertEquals(3, resumed.getLong("rowsRejected"));
        topic.awaitRecords(Set.of("F-" + run));
    }

    @Test
    void rejectedRowsDownloadAsCsvWithLineColumnReasonAndTheOriginalLine() {
        String run = runId();
        String csv = HEADER
                + "R-" + run + ",rex@example.com,\"Rex, Jr.\",SKU-1,Mug,2,5.001,,\n"
                + "\n"
                + "S-" + run + ",sam@example.com,Sam,SKU-1,Mug,1,5.00,,\n";
        UUID jobId = submitMultipart(csv);
        assertEquals("COMPLETED", awaitFinished(jobId).getString("status"));

        String rejected = asStaff().when().get("/imports/{id}/errors.csv", jobId)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", equalTo("attachment; filename=\"rejected-rows-" + jobId + ".csv\""))
                .extract().asString();
        assertEquals("line_number,column,reason,original_line\n"
                + "2,unit_price,\"has more than 2 decimal place(s) for USD, got '5.001'\","
                + "\"R-" + run + ",rex@example.com,\"\"Rex, Jr.\"\",SKU-1,Mug,2,5.001,,\"\n"
                + "3,,is blank,\n", rejected);
        asStaff().when().get("/imports/{id}/errors.csv", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void cancellingARunningImportEndsItCancelledAndAnEndedImportCannotBeCancelled() {
        String run = runId();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 200_000; i++) {
            csv.append("C").append(i).append('-').append(run).append(",cat@example.com,Cat,SKU-1,Mug,1,5.00,,\n");
        }
        UUID jobId = submitMultipart(csv.toString());
        asStaff().when().post("/imports/{id}/cancel", jobId).then().statusCode(202);

        JsonPath job = awaitFinished(jobId);
        assertEquals("CANCELLED", job.getString("status"), job.prettify());
        assertTrue(job.getLong("rowsRead") < 200_000, job.prettify());
        assertTrue(job.getString("error").startsWith("cancelled after "), job.getString("error"));
        assertEquals(job.getLong("checkpoint"), job.getLong("ordersPublished"), "every send settled before the end");
        asStaff().when().post("/imports/{id}/cancel", jobId)
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo("CANCELLED"));
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheImportEnds() {
        String run = runId();
        UUID jobId = submitMultipart(HEADER + "P-" + run + ",pia@example.com,Pia,SKU-1,Mug,1,5.00,,\n");

        String stream = asStaff().accept("text/event-stream")
                .when().get("/imports/{id}/progress", jobId)
                .then().statusCode(200).contentType(equalTo("text/event-stream"))
                .extract().asString();
        List<String> events = Arrays.stream(stream.split("\n")).filter(l -> l.startsWith("data:"))
                .map(l -> l.substring("data:".length())).toList();
        assertTrue(!events.isEmpty(), stream);
        JsonPath last = JsonPath.from(events.get(events.size() - 1));
        assertEquals("COMPLETED", last.getString("status"), stream);
        assertEquals(jobId.toString(), last.getString("importId"));
        assertEquals(1, last.getLong("ordersPublished"));
        asStaff().accept("text/event-stream").when().get("/imports/{id}/progress", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void theLaravelItemsJsonFormatMakesOneOrderPerRow() {
        String run = runId();
        String csv = "customer_email,customer_name,order_number,total_amount,items\n"
                + "Ida@Example.com,Ida,J-" + run + ",25.09,\"[{\"\"sku\"\":\"\"SKU-1\"\",\"\"quantity\"\":2,"
                + "\"\"unit_price\"\":12.5},{\"\"sku\"\":\"\"SKU-2\"\",\"\"quantity\"\":1,\"\"unit_price\"\":\"\"0.09\"\"}]\"\n";
        JsonPath job = awaitFinished(submitMultipart(csv));
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals("items-json", job.getString("format"));

        OrderRequested order = (OrderRequested) EventCodec.decode(
                topic.awaitRecords(Set.of("J-" + run)).get("J-" + run).value()).data();
        assertEquals(Ids.orderId("J-" + run), order.orderId());
        assertEquals("ida@example.com", order.customer().email());
        assertEquals(List.of(new OrderLine("SKU-1", null, 2, new Money(1250, "USD")),
                new OrderLine("SKU-2", null, 1, new Money(9, "USD"))), order.lines());
    }

    @Test
    void theLaravelLineFormatGroupsACustomersRowsOfADayAndDatesUndatedRowsWithTheImportDay() {
        String run = runId();
        String email = "lee-" + run + "@example.com";
        String csv = "customer_email,customer_name,product_name,product_price,quantity,order_date\n"
                + email + ",Lee,Mug,12.99,2,2024-05-01\n"
                + email + ",Lee,\"Plate, large\",3.50,1,2024-05-01\n"
                + email + ",Lee,Mug,12.99,1,\n";
        JsonPath job = awaitFinished(submitMultipart(csv));
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals("line", job.getString("format"));
        assertEquals(2, job.getLong("ordersPublished"));
        LocalDate importDay = LocalDate.ofInstant(Instant.parse(job.getString("createdAt")), java.time.ZoneOffset.UTC);
        assertEquals(List.of("1 row(s) had no order_date: their orders are dated " + importDay
                + ", the day of the import"), job.getList("notes"));

        String dated = LineRowParser.externalOrderId(email, LocalDate.parse("2024-05-01"));
        String undated = LineRowParser.externalOrderId(email, importDay);
        var records = topic.awaitRecords(Set.of(dated, undated));
        OrderRequested first = (OrderRequested) EventCodec.decode(records.get(dated).value()).data();
        assertEquals(List.of(new OrderLine(null, "Mug", 2, new Money(1299, "USD")),
                new OrderLine(null, "Plate, large", 1, new Money(350, "USD"))), first.lines());
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), first.orderedAt());
        OrderRequested second = (OrderRequested) EventCodec.decode(records.get(undated).value()).data();
        assertNull(second.lines().get(0).sku());
    }
}
