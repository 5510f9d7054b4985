package dev.oms.imports.rest;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import dev.oms.events.Topics;
import dev.oms.imports.config.ImportConfig;
import dev.oms.imports.domain.ImportEventIds;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.PrometheusScrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.oms.imports.rest.ImportTestSupport.HEADER;
import static dev.oms.imports.rest.ImportTestSupport.awaitFinished;
import static dev.oms.imports.rest.ImportTestSupport.bytes;
import static dev.oms.imports.rest.ImportTestSupport.runId;
import static dev.oms.imports.rest.ImportTestSupport.sha256;
import static dev.oms.imports.rest.ImportTestSupport.submitMultipart;
import static dev.oms.infra.testing.TestAuth.asStaff;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_imports"))
class ImportResourceTest {

    private static final String READ = "result=\"read\"";
    private static final String REJECTED = "result=\"rejected\"";

    private static ImportTestSupport topic;

    @Inject
    ImportConfig config;

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
    void multipartUploadPublishesOneOrderRequestedPerOrderWithDeterministicIds() {
        String run = runId();
        String csv = HEADER
                + "A-" + run + ",Ann@Example.com,Ann Lee,SKU-1,Mug,2,12.99,USD,2024-05-01T10:15:30Z\n"
                + "A-" + run + ",ann@example.com,Ann Lee,SKU-2,\"Plate, large\",1,0.10,,2024-05-01T10:15:30Z\n"
                + "B-" + run + ",bob@example.com,Bob,SKU-1,Mug,1,19.5,usd,\n";

        Response response = asStaff().multiPart("file", "orders-" + run + ".csv", bytes(csv), "text/csv")
                .when().post("/imports")
                .then().statusCode(202)
                .body("fileName", equalTo("orders-" + run + ".csv"))
                .body("sha256", equalTo(sha256(csv)))
                .body("duplicate", equalTo(false))
                .extract().response();
        UUID jobId = UUID.fromString(response.path("importId"));
        assertLocation(response, jobId);

        JsonPath job = awaitFinished(jobId);
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(3, job.getLong("rowsRead"));
        assertEquals(2, job.getLong("ordersPublished"));
        assertEquals(0, job.getLong("ordersRejected"));
        assertEquals(0, job.getLong("rowsRejected"));

        Map<String, ConsumerRecord<String, byte[]>> records = topic.awaitRecords(Set.of("A-" + run, "B-" + run));
        String sha = sha256(csv);

        ConsumerRecord<String, byte[]> a = records.get("A-" + run);
        EventEnvelope envelopeA = EventCodec.decode(a.value());
        UUID orderA = Ids.orderId("A-" + run);
        assertEquals(orderA.toString(), a.key());
        assertEquals(ImportEventIds.eventId(sha, 1), envelopeA.id());
        assertEquals(Ids.nameBased("import:" + sha + ":1"), envelopeA.id());
        assertEquals("import-service", envelopeA.source());
        assertEquals("oms.OrderRequested.v1", envelopeA.type());
        assertEquals(orderA, envelopeA.subject());
        OrderRequested requestA = (OrderRequested) envelopeA.data();
        assertEquals(orderA, requestA.orderId());
        assertEquals("A-" + run, requestA.externalOrderId());
        assertEquals(Lane.BULK, requestA.lane());
        assertEquals(Ids.customerId("ann@example.com"), requestA.customer().customerId());
        assertEquals("ann@example.com", requestA.customer().email());
        assertEquals("Ann Lee", requestA.customer().name());
        assertEquals(List.of(new OrderLine("SKU-1", "Mug", 2, new Money(1299, "USD")),
                new OrderLine("SKU-2", "Plate, large", 1, new Money(10, "USD"))), requestA.lines());
        assertEquals(Instant.parse("2024-05-01T10:15:30Z"), requestA.orderedAt());
        assertEquals(jobId, requestA.importJobId());
        assertEquals(2L, requestA.sourceLine());

        EventEnvelope envelopeB = EventCodec.decode(records.get("B-" + run).value());
        assertEquals(ImportEventIds.eventId(sha, 2), envelopeB.id());
        OrderRequested requestB = (OrderRequested) envelopeB.data();
        assertEquals(List.of(new OrderLine("SKU-1", "Mug", 1, new Money(1950, "USD"))), requestB.lines());
        assertEquals(4L, requestB.sourceLine());
        assertEquals(null, requestB.orderedAt());
    }

    @Test
    void rawTextCsvBodyIsImportedToo() {
        String run = runId();
        String csv = "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price\n"
                + "T-" + run + ",tia@example.com,Tia,SKU-9,Bowl,3,4.25\n";

        Response response = asStaff().contentType("text/csv").body(bytes(csv))
                .queryParam("fileName", "body-" + run + ".csv")
                .when().post("/imports")
                .then().statusCode(202)
                .body("fileName", equalTo("body-" + run + ".csv"))
                .extract().response();
        UUID jobId = UUID.fromString(response.path("importId"));
        assertLocation(response, jobId);

        JsonPath job = awaitFinished(jobId);
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(1, job.getLong("ordersPublished"));
        OrderRequested order = (OrderRequested) EventCodec.decode(topic.awaitRecords(Set.of("T-" + run)).get("T-" + run).value()).data();
        assertEquals(List.of(new OrderLine("SKU-9", "Bowl", 3, new Money(425, "USD"))), order.lines());
    }

    @Test
    void badRowsRejectTheirOrdersWithLineColumnAndReasonWhileTheRestIsPublished() {
        String run = runId();
        String csv = HEADER
                + "G-" + run + ",gil@example.com,Gil,SKU-1,Mug,1,5.00,,\n"
                + "X-" + run + ",xan@example.com,Xan,SKU-1,Mug,1,5.00,,\n"
                + "X-" + run + ",xan@example.com,Xan,SKU-2,Cup,1,5.999,,\n"
                + "Y-" + run + ",not-an-email,Yul,SKU-1,Mug,0,5.00,EUR,\n"
                + "H-" + run + ",hal@example.com,Hal,SKU-1,Mug,1,5.00,,\n";
        PrometheusScrape before = PrometheusScrape.now();

        UUID jobId = submitMultipart(csv);
        JsonPath job = awaitFinished(jobId);
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(5, job.getLong("rowsRead"));
        assertEquals(2, job.getLong("ordersPublished"));
        assertEquals(2, job.getLong("ordersRejected"));
        assertEquals(3, job.getLong("rowsRejected"));
        PrometheusScrape after = PrometheusScrape.now();
        assertEquals(5, after.value("oms_import_rows_total", READ) - before.value("oms_import_rows_total", READ), 0.0);
        assertEquals(3, after.value("oms_import_rows_total", REJECTED) - before.value("oms_import_rows_total", REJECTED), 0.0);

        JsonPath errors = asStaff().when().get("/imports/{id}/errors", jobId)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = errors.getList("$");
        assertEquals(List.of(3, 4, 5, 5, 5), list.stream().map(e -> e.get("lineNumber")).toList(), errors.prettify());
        assertEquals(null, list.get(0).get("column"));
        assertTrue(((String) list.get(0).get("reason")).contains("line(s) 4"));
        assertEquals("unit_price", list.get(1).get("column"));
        assertTrue(((String) list.get(1).get("reason")).contains("more than 2 decimal place"));
        assertEquals("X-" + run + ",xan@example.com,Xan,SKU-2,Cup,1,5.999,,", list.get(1).get("rawLine"));
        assertEquals(List.of("customer_email", "quantity", "currency"),
                list.subList(2, 5).stream().map(e -> e.get("column")).toList());

        Map<String, ConsumerRecord<String, byte[]>> published = topic.awaitRecords(Set.of("G-" + run, "H-" + run));
        // H is the fourth order of the file: rejected orders keep their place in the ordinal.
        assertEquals(ImportEventIds.eventId(sha256(csv), 4), EventCodec.decode(published.get("H-" + run).value()).id());
        assertEquals(Set.of(), topic.recordsFor(Set.of("X-" + run, "Y-" + run)).keySet());
    }

    @Test
    void unknownHeaderFailsTheJobAndResubmittingRunsTheSameJobAgain() {
        String csv = "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price,coupon\n"
                + "Z-" + runId() + ",zed@example.com,Zed,SKU-1,Mug,1,5.00,FREE\n";
        UUID jobId = submitMultipart(csv);
        JsonPath job = awaitFinished(jobId);
        assertEquals("FAILED", job.getString("status"));
        assertTrue(job.getString("error").contains("unknown column 'coupon'"), job.getString("error"));

        asStaff().multiPart("file", "again.csv", bytes(csv), "text/csv")
                .when().post("/imports")
                .then().statusCode(202)
                .body("importId", equalTo(jobId.toString()))
                .body("fileName", equalTo("again.csv"));
        assertEquals("FAILED", awaitFinished(jobId).getString("status"));
    }

    @Test
    void sameContentTwiceIsReportedAsDuplicateAndPublishesNothingNew() {
        String run = runId();
        String csv = HEADER + "D-" + run + ",dee@example.com,Dee,SKU-1,Mug,1,5.00,,\n";
        UUID jobId = submitMultipart(csv);
        assertEquals("COMPLETED", awaitFinished(jobId).getString("status"));
        topic.awaitRecords(Set.of("D-" + run));

        asStaff().contentType("text/csv").body(bytes(csv))
                .when().post("/imports")
                .then().statusCode(200)
                .body("importId", equalTo(jobId.toString()))
                .body("duplicate", equalTo(true))
                .body("status", equalTo("COMPLETED"));

        List<Map<String, Object>> jobsForContent = asStaff().queryParam("size", 200).when().get("/imports")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(j -> sha256(csv).equals(j.get("sha256"))).toList();
        assertEquals(1, jobsForContent.size());
        assertEquals(1, topic.recordsFor(Set.of("D-" + run)).get("D-" + run).size());
    }

    @Test
    void fromPathImportsAFileOfTheImportDirectory() throws IOException {
        String run = runId();
        String csv = HEADER + "P-" + run + ",pat@example.com,Pat,SKU-1,Mug,1,5.00,,2024-05-01\n";
        Path file = config.directory().resolve("nested/orders-" + run + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);

        Response response = asStaff().contentType(ContentType.JSON)
                .body(Map.of("path", "nested/orders-" + run + ".csv"))
                .when().post("/imports/from-path")
                .then().statusCode(202)
                .body("fileName", equalTo("nested/orders-" + run + ".csv"))
                .extract().response();
        UUID jobId = UUID.fromString(response.path("importId"));
        assertLocation(response, jobId);
        assertEquals("COMPLETED", awaitFinished(jobId).getString("status"));
        OrderRequested order = (OrderRequested) EventCodec.decode(topic.awaitRecords(Set.of("P-" + run)).get("P-" + run).value()).data();
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), order.orderedAt());
        assertTrue(Files.exists(file), "from-path files are left in place");
        Files.delete(file);
    }

    @Test
    void fromPathRefusesEverythingOutsideTheImportDirectory() throws IOException {
        Path outside = Files.createTempFile("outside-", ".csv");
        Files.writeString(outside, HEADER);
        Path link = config.directory().resolve("link-" + runId() + ".csv");
        Files.createSymbolicLink(link, outside);
        try {
            for (String path : List.of("../" + outside.getFileName(), outside.toString(), link.getFileName().toString(),
                    "nested/../../" + outside.getFileName())) {
                asStaff().contentType(ContentType.JSON).body(Map.of("path", path))
                        .when().post("/imports/from-path")
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("field", equalTo("path"))
                        .body("detail", containsString("outside the import directory"));
            }
            asStaff().contentType(ContentType.JSON).body(Map.of("path", "no-such-" + runId() + ".csv"))
                    .when().post("/imports/from-path")
                    .then().statusCode(404).contentType("application/problem+json");
            asStaff().contentType(ContentType.JSON).body(Map.of())
                    .when().post("/imports/from-path")
                    .then().statusCode(400).body("field", equalTo("path"));
            asStaff().contentType(ContentType.JSON).body(Map.of("path", "a/".repeat(600) + "orders.csv"))
                    .when().post("/imports/from-path")
                    .then().statusCode(400).body("field", equalTo("path"));
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void clientErrorsAreProblems() {
        asStaff().when().get("/imports/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        asStaff().when().get("/imports/{id}/errors", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        asStaff().queryParam("size", 201).when().get("/imports")
                .then().statusCode(400).body("field", equalTo("size"));
        asStaff().multiPart("other", "x.csv", bytes(HEADER), "text/csv").when().post("/imports")
                .then().statusCode(400).body("field", equalTo("file"));
        asStaff().contentType("text/csv").body(new byte[0]).when().post("/imports")
                .then().statusCode(400).body("field", equalTo("body"));
    }

    @Test
    void healthIncludesTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItems(
                        containsString("Database"), containsString("Kafka")));
    }

    @Test
    void openApiDocumentsTheEndpointsAndTheDuplicateFlag() {
        String document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        for (String expected : List.of("\"/imports\"", "\"/imports/from-path\"", "\"/imports/{id}\"",
                "\"/imports/{id}/errors\"", "duplicate=true", "\"duplicate\"")) {
            assertTrue(document.contains(expected), "OpenAPI document lacks " + expected);
        }
    }

    private static void assertLocation(Response response, UUID jobId) {
        String location = response.header("Location");
        assertTrue(location != null && location.endsWith("/imports/" + jobId), "Location: " + location);
    }
}
