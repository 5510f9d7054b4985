package dev.oms.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oms.cli.api.ImportJob;
import dev.oms.cli.http.Json;
import dev.oms.events.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.oms.cli.command.FakeServices.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {

    @TempDir
    Path directory;

    @Test
    void productsLoadSendsTheFileAsOneBulkRequest() throws IOException {
        Path file = Files.writeString(directory.resolve("catalog.csv"),
                "sku,name,unit_price,on_hand\nKB-1,Keyboard,129.99,10\nMS-1,\"Mouse, wireless\",0.29,0\n");
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/products/bulk", request -> json("{\"created\":1,\"updated\":1}"));

            Cli.Result result = Cli.run(services.url(), "products", "load", file.toString());

            assertEquals(0, result.exitCode(), result.err());
            assertEquals("Loaded 2 products from " + file + ": 1 created, 1 updated\n", result.out());
            FakeServices.Request request = services.requests("POST", "/products/bulk").get(0);
            assertEquals("application/json", request.header("Content-Type"));
            JsonNode sent = Json.mapper().readTree(request.body());
            assertEquals(Json.mapper().readTree("""
                    {"products":[
                      {"sku":"KB-1","name":"Keyboard","unitPriceMinor":12999,"currency":"USD","onHand":10},
                      {"sku":"MS-1","name":"Mouse, wireless","unitPriceMinor":29,"currency":"USD","onHand":0}]}"""), sent);
        }
    }

    @Test
    void productsLoadSplitsALargeCatalogIntoBoundedRequestsAndAddsUpTheCounts() throws IOException {
        StringBuilder csv = new StringBuilder("sku,name,unit_price,on_hand\n");
        for (int i = 1; i <= 1_201; i++) {
            csv.append("SKU-").append(i).append(",Product ").append(i).append(",1.00,5\n");
        }
        Path file = Files.writeString(directory.resolve("large.csv"), csv);
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/products/bulk", request -> {
                int products = readTree(request.body()).get("products").size();
                return json("{\"created\":" + products + ",\"updated\":0}");
            });

            Cli.Result result = Cli.run(services.url(), "products", "load", file.toString());

            assertEquals(0, result.exitCode(), result.err());
            assertEquals("Loaded 1,201 products from " + file + ": 1,201 created, 0 updated\n", result.out());
            List<Integer> batchSizes = services.requests("POST", "/products/bulk").stream()
                    .map(request -> readTree(request.body()).get("products").size()).toList();
            assertEquals(List.of(500, 500, 201), batchSizes);
        }
    }

    @Test
    void productsListShowsPricesAndStock() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/products", request -> json("""
                    {"items":[{"sku":"KB-1","name":"Keyboard","unitPrice":{"amountMinor":129999,"currency":"USD"},
                               "onHand":1200,"reserved":3,"available":1197}],"page":0,"size":50,"total":1}"""));

            Cli.Result result = Cli.run(services.url(), "products", "list");

            assertEquals(0, result.exitCode(), result.err());
            assertEquals("""
                    SKU   NAME          PRICE  ON HAND  RESERVED  AVAILABLE
                    KB-1  Keyboard  $1,299.99    1,200         3      1,197
                    1–1 of 1 products (page 0, size 50)
                    """, result.out());
            assertEquals("50", services.requests("GET", "/products").get(0).query().get("size"));
        }
    }

    @Test
    void ordersShowAcceptsTheShopsOrderIdAndShowsLinesAndHistory() throws IOException {
        String orderId = Ids.orderId("shop-42").toString();
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders/" + orderId, request -> json("""
                    {"orderId":"%s","externalOrderId":"shop-42","status":"PAID","refundStatus":"NONE",
                     "customer":{"customerId":"c1","email":"ada@example.com","name":"Ada Lovelace"},
                     "lines":[{"sku":"KB-1","productName":"Keyboard","quantity":2,"unitPrice":{"amountMinor":1299,"currency":"USD"}}],
                     "total":{"amountMinor":2598,"currency":"USD"},"lane":"BULK","reason":"LATE","reasonDetail":"paid after the deadline",
                     "createdAt":"2026-11-22T03:15:00.123456Z","updatedAt":"2026-11-22T03:15:01Z",
                     "history":[{"from":null,"to":"RECEIVED","at":"2026-11-22T03:15:00Z","reason":null},
                                {"from":"PAYMENT_PENDING","to":"PAID","at":"2026-11-22T03:15:01Z","reason":null}]}"""
                    .formatted(orderId)));

            Cli.Result result = Cli.run(services.url(), "orders", "show", "shop-42");

            assertEquals(0, result.exitCode(), result.err());
            assertTrue(result.out().startsWith("Order " + orderId + "\n"), result.out());
            assertTrue(result.out().contains("  customer       Ada Lovelace <ada@example.com>\n"), result.out());
            assertTrue(result.out().contains("  total          $25.98\n"), result.out());
            assertTrue(result.out().contains("  reason         LATE: paid after the deadline\n"), result.out());
            assertTrue(result.out().contains("  paid           -\n"), result.out());
            assertTrue(result.out().contains("  created        2026-11-22T03:15:00Z\n"), result.out());
            assertTrue(result.out().contains("  KB-1  Keyboard    2      $12.99  $25.98\n"), result.out());
            assertTrue(result.out().contains("  2026-11-22T03:15:01Z  PAYMENT_PENDING  PAID      -\n"), result.out());
        }
    }

    @Test
    void ordersStatsListsStatusesInSagaOrder() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders/stats", request -> json("""
                    {"total":1500,"byStatus":{"REJECTED":12,"PAID":1480,"RECEIVED":8}}"""));

            Cli.Result result = Cli.run(services.url(), "orders", "stats");

            assertEquals("""
                    STATUS    ORDERS
                    RECEIVED       8
                    PAID       1,480
                    REJECTED      12
                    total      1,500
                    """, result.out());
        }
    }

    @Test
    void importWaitStreamsTheFileFollowsTheJobAndListsRejectedRows() throws IOException {
        Path file = Files.writeString(directory.resolve("orders.csv"),
                "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price\n"
                        + "o-1,ada@example.com,Ada,KB-1,Keyboard,1,129.99\n"
                        + "o-2,not-an-email,Bob,KB-1,Keyboard,1,129.99\n");
        AtomicInteger polls = new AtomicInteger();
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/imports", request -> new FakeServices.Reply(202, "application/json", """
                    {"importId":"job-1","status":"PENDING","fileName":"orders.csv","rowsRead":0,"ordersPublished":0,
                     "rowsRejected":0,"duplicate":false}"""));
            services.on("GET", "/imports/job-1", request -> json(polls.incrementAndGet() < 2
                    ? "{\"importId\":\"job-1\",\"status\":\"RUNNING\",\"rowsRead\":1,\"ordersPublished\":0,\"rowsRejected\":0}"
                    : "{\"importId\":\"job-1\",\"status\":\"COMPLETED\",\"format\":\"canonical\",\"rowsRead\":2,"
                    + "\"rowsPerSecond\":150000,\"ordersPublished\":1,\"rowsRejected\":1}"));
            services.on("GET", "/imports/job-1/errors", request -> json("""
                    [{"lineNumber":3,"column":"customer_email","reason":"not an email address","rawLine":"o-2,..."}]"""));

            Cli.Result result = Cli.run(services.url(), "import", file.toString(), "--wait");

            assertEquals(0, result.exitCode(), result.err());
            FakeServices.Request upload = services.requests("POST", "/imports").get(0);
            assertEquals("text/csv", upload.header("Content-Type"));
            assertEquals("orders.csv", upload.query().get("fileName"));
            assertEquals(Files.readString(file), upload.bodyText());
            assertTrue(result.out().contains("Import job-1 accepted (PENDING)\n"), result.out());
            assertTrue(result.out().contains(
                    "Import job-1 COMPLETED: 2 rows read (canonical format, 150,000 rows/s), 1 orders published, "
                            + "1 rows rejected\n"), result.out());
            assertTrue(result.out().contains("     3  customer_email  not an email address\n"), result.out());
            assertEquals("11", services.requests("GET", "/imports/job-1/errors").get(0).query().get("size"));
        }
    }

    @Test
    void importDryRunAsksForValidationOnlyAndSaysNothingWasPublished() throws IOException {
        Path file = Files.writeString(directory.resolve("check.csv"),
                "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price\n"
                        + "o-1,ada@example.com,Ada,KB-1,Keyboard,1,129.99\n");
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/imports", request -> new FakeServices.Reply(202, "application/json", """
                    {"importId":"job-3","status":"COMPLETED","dryRun":true,"format":"canonical","rowsRead":1,
                     "ordersValid":1,"ordersPublished":0,"rowsRejected":0,"rowsPerSecond":10}"""));

            Cli.Result result = Cli.run(services.url(), "import", file.toString(), "--dry-run", "--max-rejected-rows",
                    "5", "--wait");

            assertEquals(0, result.exitCode(), result.err());
            FakeServices.Request upload = services.requests("POST", "/imports").get(0);
            assertEquals("true", upload.query().get("dryRun"));
            assertEquals("5", upload.query().get("maxRejectedRows"));
            assertTrue(result.out().contains("Dry run job-3 COMPLETED: 1 rows read (canonical format, 10 rows/s), "
                    + "1 valid orders (dry run: nothing published), 0 rows rejected\n"), result.out());
        }
    }

    @Test
    void importProgressShowsTheShareOfTheFileReadRowsPerSecondAndEta() {
        ImportJob running = new ImportJob("job-5", "RUNNING", "big.csv", false, "canonical", 4_000, 1_000, 250_000,
                80_000, 80_000, 1, 3, 125_000, 6L, List.of(), false, null, null);
        assertEquals("[######------------------]  25% RUNNING: 250,000 rows read, 125,000 rows/s, ETA 6 s, "
                + "80,000 orders published, 3 rejected", ImportRunner.progressText(running, 0));
    }

    @Test
    void importsListsJobsAndErrorsPrintsTheRejectedRowsCsv() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/imports", request -> json("""
                    {"items":[{"importId":"job-4","fileName":"orders.csv","status":"COMPLETED","format":"line",
                     "rowsRead":1200,"ordersPublished":400,"rowsRejected":2,"rowsPerSecond":99000,
                     "createdAt":"2026-12-01T10:00:00Z"}],"page":0,"size":20,"total":1}"""));
            services.on("GET", "/imports/job-4/errors.csv", request -> new FakeServices.Reply(200, "text/csv",
                    "line_number,column,reason,original_line\n7,quantity,must be positive,\"a,b\"\n"));
            services.on("POST", "/imports/job-4/cancel", request -> FakeServices.problem(409, """
                    {"title":"Conflict","status":409,"detail":"import job-4 already ended: it is COMPLETED"}"""));

            Cli.Result list = Cli.run(services.url(), "imports");
            assertEquals(0, list.exitCode(), list.err());
            assertTrue(list.out().contains("job-4"), list.out());
            assertTrue(list.out().contains("99,000"), list.out());
            assertTrue(list.out().contains("1–1 of 1 imports"), list.out());

            Cli.Result errors = Cli.run(services.url(), "imports", "errors", "job-4");
            assertEquals(0, errors.exitCode(), errors.err());
            assertEquals("line_number,column,reason,original_line\n7,quantity,must be positive,\"a,b\"\n", errors.out());
            assertEquals("text/csv, application/problem+json",
                    services.requests("GET", "/imports/job-4/errors.csv").get(0).header("Accept"));

            Cli.Result cancel = Cli.run(services.url(), "imports", "cancel", "job-4");
            assertEquals(1, cancel.exitCode());
            assertTrue(cancel.err().contains("import job-4 already ended: it is COMPLETED"), cancel.err());
        }
    }

    @Test
    void refundSendsTheAmountInMinorUnitsWithAKeyItPrintsAndReusesAGivenKey() throws IOException {
        String orderId = Ids.orderId("A-1").toString();
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/orders/" + orderId + "/refunds", request -> new FakeServices.Reply(202,
                    "application/json", """
                    {"refundId":"r-1","orderId":"%s","amount":{"amountMinor":1250,"currency":"USD"},
                     "status":"PENDING","reason":"broken"}""".formatted(orderId)));

            Cli.Result first = Cli.run(services.url(), "refund", "A-1", "--amount", "12.50", "--reason", "broken");
            assertEquals(0, first.exitCode(), first.err());
            FakeServices.Request sent = services.requests("POST", "/orders/" + orderId + "/refunds").get(0);
            JsonNode body = Json.mapper().readTree(sent.bodyText());
            assertEquals(1250, body.get("amountMinor").asLong());
            assertEquals("broken", body.get("reason").asText());
            String key = sent.header("Idempotency-Key");
            assertTrue(key.startsWith("cli-"), key);
            assertTrue(first.out().contains("(to retry safely: --key " + key + ")"), first.out());
            assertTrue(first.out().contains("Refund r-1 PENDING: $12.50 of order " + orderId + " (broken)"), first.out());

            // The same command again with the printed key: the same request, which the service answers once.
            Cli.Result again = Cli.run(services.url(), "refund", "A-1", "--amount", "12.50", "--reason", "broken",
                    "--key", key);
            assertEquals(0, again.exitCode(), again.err());
            FakeServices.Request retried = services.requests("POST", "/orders/" + orderId + "/refunds").get(1);
            assertEquals(key, retried.header("Idempotency-Key"));
            assertEquals(sent.bodyText(), retried.bodyText());
            assertTrue(!again.out().contains("to retry safely"), again.out());

            Cli.Result bad = Cli.run(services.url(), "refund", "A-1", "--amount", "12.345");
            assertEquals(2, bad.exitCode());
            assertTrue(bad.err().contains("Invalid value for option '--amount'"), bad.err());
        }
    }

    @Test
    void refundWaitFollowsTheRefundUntilThePaymentSideAnswersAndExits1WhenItFailed() throws IOException {
        String orderId = Ids.orderId("A-2").toString();
        String pending = """
                {"refundId":"r-2","orderId":"%s","amount":{"amountMinor":500,"currency":"USD"},
                 "status":"PENDING","reason":"late"}""".formatted(orderId);
        String failed = """
                {"refundId":"r-2","orderId":"%s","amount":{"amountMinor":500,"currency":"USD"},
                 "status":"FAILED","reason":"late","failureReason":"card_account_closed"}""".formatted(orderId);
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/orders/" + orderId + "/refunds", request -> new FakeServices.Reply(202,
                    "application/json", pending));
            AtomicInteger polls = new AtomicInteger();
            services.on("GET", "/refunds/r-2", request -> FakeServices.json(polls.incrementAndGet() < 2 ? pending
                    : failed));

            Cli.Result result = Cli.run(services.url(), "refund", "A-2", "--amount", "5", "--reason", "late", "--wait");
            assertEquals(1, result.exitCode(), result.err());
            assertEquals(2, polls.get());
            assertTrue(result.out().contains("Refund r-2 PENDING: $5.00"), result.out());
            assertTrue(result.out().contains("Refund r-2 FAILED: $5.00 of order " + orderId + " (late): card_account_closed"),
                    result.out());
        }
    }

    @Test
    void importWaitExitsWith1WhenTheJobFails() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.csv"), "what,is,this\n");
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/imports", request -> new FakeServices.Reply(202, "application/json", """
                    {"importId":"job-2","status":"FAILED","rowsRead":0,"ordersPublished":0,"rowsRejected":0,
                     "error":"unknown header: what,is,this"}"""));

            Cli.Result result = Cli.run(services.url(), "import", file.toString(), "--wait");

            assertEquals(1, result.exitCode());
            assertTrue(result.out().contains("Import job-2 FAILED: 0 rows read"), result.out());
            assertTrue(result.out().contains("Reason: unknown header: what,is,this\n"), result.out());
        }
    }

    @Test
    void kpiAndLeaderboardFormatMoneyFromMinorUnits() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/kpis/daily", request -> json("""
                    {"date":"2026-11-22","zone":"UTC","currency":"USD","ordersCompleted":3,"ordersFailed":1,
                     "ordersCancelled":0,"grossRevenueMinor":30001,"refundedMinor":1,"netRevenueMinor":30000,
                     "averageOrderValueMinor":10000,"refundsCompleted":1}"""));
            services.on("GET", "/leaderboard", request -> json("""
                    {"scope":"2026-11-22","entries":[{"rank":1,"customerId":"c1","name":"Ada Lovelace",
                     "email":"ada@example.com","netSpendMinor":123456789}]}"""));

            Cli.Result kpi = Cli.run(services.url(), "kpi", "--date", "2026-11-22");
            Cli.Result top = Cli.run(services.url(), "leaderboard", "--limit", "5", "--date", "2026-11-22");

            assertEquals("2026-11-22", services.requests("GET", "/kpis/daily").get(0).query().get("date"));
            assertTrue(kpi.out().startsWith("KPIs for 2026-11-22 (UTC)\n"), kpi.out());
            assertTrue(kpi.out().contains("  gross revenue        $300.01\n"), kpi.out());
            assertTrue(kpi.out().contains("  refunded               $0.01\n"), kpi.out());
            assertEquals("5", services.requests("GET", "/leaderboard").get(0).query().get("limit"));
            assertEquals("""
                    Top customers by net spend (2026-11-22)
                      RANK  CUSTOMER      EMAIL                NET SPEND
                         1  Ada Lovelace  ada@example.com  $1,234,567.89
                    """, top.out());
        }
    }

    @Test
    void kpiOfARangePrintsARowPerDayAndTheTotals() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/kpis", request -> json("""
                    {"from":"2026-11-21","to":"2026-11-22","zone":"UTC","currency":"USD","days":[
                     {"date":"2026-11-21","ordersCompleted":1,"ordersFailed":0,"ordersCancelled":0,
                      "grossRevenueMinor":1000,"refundedMinor":0,"netRevenueMinor":1000,"averageOrderValueMinor":1000,
                      "refundsCompleted":0},
                     {"date":"2026-11-22","ordersCompleted":2,"ordersFailed":1,"ordersCancelled":0,
                      "grossRevenueMinor":3001,"refundedMinor":500,"netRevenueMinor":2501,"averageOrderValueMinor":1501,
                      "refundsCompleted":1}],
                     "totals":{"ordersCompleted":3,"ordersFailed":1,"ordersCancelled":0,"grossRevenueMinor":4001,
                      "refundedMinor":500,"netRevenueMinor":3501,"averageOrderValueMinor":1334,"refundsCompleted":1}}"""));

            Cli.Result range = Cli.run(services.url(), "kpi", "--from", "2026-11-21", "--to", "2026-11-22");
            Cli.Result half = Cli.run(services.url(), "kpi", "--from", "2026-11-21");

            assertEquals(0, range.exitCode(), range.err());
            FakeServices.Request sent = services.requests("GET", "/kpis").get(0);
            assertEquals("2026-11-21", sent.query().get("from"));
            assertEquals("2026-11-22", sent.query().get("to"));
            assertEquals("""
                    KPIs from 2026-11-21 to 2026-11-22 (UTC)
                      DAY         COMPLETED  FAILED  CANCELLED   GROSS  REFUNDED     NET  AVG ORDER  REFUNDS
                      2026-11-21          1       0          0  $10.00     $0.00  $10.00     $10.00        0
                      2026-11-22          2       1          0  $30.01     $5.00  $25.01     $15.01        1
                      total               3       1          0  $40.01     $5.00  $35.01     $13.34        1
                    """, range.out());
            assertEquals(2, half.exitCode());
            assertTrue(half.err().contains("a range needs both --from and --to"), half.err());
        }
    }

    @Test
    void opsLagPrintsTheLagOfEveryGroupAndTheDeadLetterQueues() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/ops/queues", request -> json("""
                    {"consumerGroups":[{"group":"order-service","topic":"oms.order-requests.bulk","lag":12345},
                                       {"group":"refund-service","topic":"oms.order-events","lag":0}],
                     "deadLetters":[{"topic":"oms.order-events.dlq","records":2}]}"""));

            Cli.Result lag = Cli.run(services.url(), "ops", "lag");

            assertEquals(0, lag.exitCode(), lag.err());
            assertEquals("""
                    Consumer lag
                      GROUP           TOPIC                       LAG
                      order-service   oms.order-requests.bulk  12,345
                      refund-service  oms.order-events              0
                    Dead letters
                      DEAD-LETTER QUEUE     RECORDS
                      oms.order-events.dlq        2
                    """, lag.out());
        }
    }

    @Test
    void analyticsVerifyComparesEveryDayWithTheServicesAndExits1OnADifference() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/kpis", request -> json("""
                    {"from":"2026-11-21","to":"2026-11-22","zone":"UTC","currency":"USD","days":[
                     {"date":"2026-11-21","ordersCompleted":2,"grossRevenueMinor":3000,"refundedMinor":0,
                      "refundsCompleted":0},
                     {"date":"2026-11-22","ordersCompleted":1,"grossRevenueMinor":1000,"refundedMinor":500,
                      "refundsCompleted":1}],
                     "totals":{"ordersCompleted":3,"refundsCompleted":1}}"""));
            services.on("GET", "/reports/paid-daily", request -> json("""
                    [{"date":"2026-11-21","paidOrders":2,"grossRevenueMinor":3000,"currency":"USD"},
                     {"date":"2026-11-22","paidOrders":1,"grossRevenueMinor":1000,"currency":"USD"}]"""));
            AtomicInteger refundCalls = new AtomicInteger();
            services.on("GET", "/reports/refunds-daily", request -> json(refundCalls.incrementAndGet() == 1
                    ? "[{\"date\":\"2026-11-22\",\"refundsCompleted\":1,\"refundedMinor\":500,\"currency\":\"USD\"}]"
                    : "[{\"date\":\"2026-11-22\",\"refundsCompleted\":2,\"refundedMinor\":750,\"currency\":\"USD\"}]"));

            Cli.Result agrees = Cli.run(services.url(), "analytics", "verify", "--from", "2026-11-21", "--to", "2026-11-22");
            Cli.Result differs = Cli.run(services.url(), "analytics", "verify", "--from", "2026-11-21", "--to", "2026-11-22");

            assertEquals(0, agrees.exitCode(), agrees.err());
            assertEquals("Analytics agrees with order-service and refund-service on every day from 2026-11-21 to "
                    + "2026-11-22 (3 paid orders, 1 completed refund(s)).\n", agrees.out());
            assertEquals("2026-11-21", services.requests("GET", "/reports/refunds-daily").get(0).query().get("from"));
            assertEquals(1, differs.exitCode());
            assertEquals("""
                    2026-11-22: refunds completed: analytics 1, refund-service 2
                    2026-11-22: refunded: analytics $5.00, refund-service $7.50
                    2 difference(s) from 2026-11-21 to 2026-11-22
                    """, differs.out());
        }
    }

    @Test
    void analyticsRebuildFollowsTheRebuildUntilItSwitchesAndExits1WhenItFails() throws IOException {
        try (FakeServices services = new FakeServices()) {
            String running = """
                    {"id":"r1","state":"RUNNING","fromGeneration":4,"toGeneration":5,"startedAt":"2026-12-03T10:00:00Z",
                     "recordsRead":0,"recordsTotal":90000,"eventsApplied":0,"recordsSkipped":0,"recordsPerSecond":0}""";
            services.on("POST", "/ops/rebuild", request -> json(running));
            AtomicInteger polls = new AtomicInteger();
            services.on("GET", "/ops/rebuild", request -> json(polls.incrementAndGet() == 1 ? """
                    {"id":"r1","state":"SWITCHED","fromGeneration":4,"toGeneration":5,"startedAt":"2026-12-03T10:00:00Z",
                     "finishedAt":"2026-12-03T10:00:03Z","recordsRead":90500,"recordsTotal":90000,
                     "eventsApplied":70000,"recordsSkipped":1,"recordsPerSecond":30166}""" : """
                    {"id":"r2","state":"FAILED","fromGeneration":5,"toGeneration":6,"startedAt":"2026-12-03T11:00:00Z",
                     "finishedAt":"2026-12-03T11:00:01Z","recordsRead":10,"recordsTotal":90500,"eventsApplied":10,
                     "recordsSkipped":0,"recordsPerSecond":10,"error":"lost the rebuild lock"}"""));

            Cli.Result switched = Cli.run(services.url(), "analytics", "rebuild");
            Cli.Result failed = Cli.run(services.url(), "analytics", "rebuild", "--status");

            assertEquals(0, switched.exitCode(), switched.err());
            assertTrue(switched.out().endsWith("Rebuild r1 SWITCHED: generation 5 replaces 4; 90,500 records read "
                    + "(70,000 events applied, 1 skipped) in 3.0 s, 30,166 records/s\n"), switched.out());
            assertEquals(1, services.requests("POST", "/ops/rebuild").size());
            assertEquals(1, failed.exitCode());
            assertEquals("""
                    Rebuild r2 FAILED: generation 6 to replace 5; 10 records read (10 events applied, 0 skipped) in 1.0 s, 10 records/s
                    Reason: lost the rebuild lock
                    """, failed.out());
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
