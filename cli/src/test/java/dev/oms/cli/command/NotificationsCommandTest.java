package dev.oms.cli.command;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static dev.oms.cli.command.FakeServices.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationsCommandTest {

    private static final String REPORT = """
            {"byType":[
               {"type":"ORDER_CONFIRMED","pending":1,"sent":1234,"failed":3,"successRate":0.9976},
               {"type":"REFUND_FAILED","pending":0,"sent":0,"failed":0,"successRate":null}],
             "total":{"pending":1,"sent":1234,"failed":3,"successRate":0.9976}}""";

    private static final String LATEST = """
            {"items":[{"notificationId":"n-2","eventId":"e-2","type":"ORDER_CONFIRMED","channel":"email",
                       "orderId":"o-1","status":"FAILED","attempts":8,
                       "lastError":"SMTP: ConnectException: Connection refused","createdAt":"2026-11-22T10:00:01Z"},
                      {"notificationId":"n-1","eventId":"e-1","type":"ORDER_CONFIRMED","channel":"log",
                       "orderId":"o-1","status":"SENT","attempts":1,"createdAt":"2026-11-22T10:00:00Z"}],
             "page":0,"size":2,"total":1238}""";

    @Test
    void reportPrintsTheCountsByTypeThenTheLatestNotifications() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/notifications/report", request -> json(REPORT));
            services.on("GET", "/notifications", request -> json(LATEST));

            Cli.Result result = Cli.run(services.url(), "notifications", "report", "--limit", "2");

            assertEquals(0, result.exitCode(), result.err());
            assertEquals("""
                    Notifications by type and status
                      TYPE             PENDING   SENT  FAILED  SUCCESS
                      ORDER_CONFIRMED        1  1,234       3    99.8%
                      REFUND_FAILED          0      0       0        -
                      total                  1  1,234       3    99.8%

                    Latest 2 of 1,238 notifications
                      CREATED               TYPE             CHANNEL  STATUS  ATTEMPTS  ORDER  LAST ERROR
                      2026-11-22T10:00:01Z  ORDER_CONFIRMED  email    FAILED         8  o-1    SMTP: ConnectException: Connection refused
                      2026-11-22T10:00:00Z  ORDER_CONFIRMED  log      SENT           1  o-1    -
                    """, result.out());
            assertEquals(Map.of("size", "2"), services.requests("GET", "/notifications").get(0).query());
            assertEquals(Map.of(), services.requests("GET", "/notifications/report").get(0).query());
        }
    }

    @Test
    void typeAndStatusFilterBothTheCountsAndTheListAndLimitZeroListsNothing() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/notifications/report", request -> json(REPORT));
            services.on("GET", "/notifications", request -> json(LATEST));

            Cli.Result filtered = Cli.run(services.url(), "notifications", "report", "--type", "ORDER_CONFIRMED",
                    "--status", "FAILED");
            assertEquals(0, filtered.exitCode(), filtered.err());
            assertEquals(Map.of("type", "ORDER_CONFIRMED", "status", "FAILED"),
                    services.requests("GET", "/notifications/report").get(0).query());
            assertEquals(Map.of("type", "ORDER_CONFIRMED", "status", "FAILED", "size", "10"),
                    services.requests("GET", "/notifications").get(0).query());

            Cli.Result countsOnly = Cli.run(services.url(), "notifications", "report", "--limit", "0");
            assertEquals(0, countsOnly.exitCode(), countsOnly.err());
            assertTrue(!countsOnly.out().contains("Latest"), countsOnly.out());
            assertEquals(1, services.requests("GET", "/notifications").size());
        }
    }

    @Test
    void aBadFilterIsReportedAsTheServiceSaysAndABadLimitIsAUsageError() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/notifications/report", request -> FakeServices.problem(400, """
                    {"title":"Invalid request","status":400,"detail":"unknown type 'LOST'","field":"type"}"""));

            Cli.Result bad = Cli.run(services.url(), "notifications", "report", "--type", "LOST");
            assertEquals(1, bad.exitCode());
            assertTrue(bad.err().startsWith("error: ") && bad.err().contains("unknown type 'LOST'"), bad.err());

            Cli.Result tooMany = Cli.run(services.url(), "notifications", "report", "--limit", "201");
            assertEquals(2, tooMany.exitCode());
            assertTrue(tooMany.err().contains("--limit"), tooMany.err());
            assertEquals(1, services.requests("GET", "/notifications/report").size(), "no request for a usage error");
        }
    }

    @Test
    void successRatesArePercentagesToOneDecimal() {
        assertEquals("99.8%", NotificationsReportCommand.percent(0.9976));
        assertEquals("100.0%", NotificationsReportCommand.percent(1.0));
        assertEquals("0.0%", NotificationsReportCommand.percent(0.0));
        assertEquals("-", NotificationsReportCommand.percent(null));
    }
}
