package dev.oms.cli.command;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static dev.oms.cli.command.FakeServices.json;
import static dev.oms.cli.command.FakeServices.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ErrorReportingTest {

    @Test
    void printsAProblemAsTitleDetailAndFieldOnStderrAndExitsWith1() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders", request -> problem(400, """
                    {"title":"Invalid request","status":400,"detail":"size: must be less than or equal to 200",
                     "instance":"/orders","field":"size","violations":[{"field":"size","message":"too big"}]}"""));

            Cli.Result result = Cli.run(services.url(), "orders", "list", "--status", "paid", "--size", "500");

            assertEquals(1, result.exitCode());
            assertEquals("error: Invalid request: size: must be less than or equal to 200 (field: size)\n", result.err());
            assertEquals("", result.out());
            assertEquals("PAID", services.requests("GET", "/orders").get(0).query().get("status"));
        }
    }

    @Test
    void printsAProblemWithoutDetailOrFieldAsItsTitle() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders/stats", request -> problem(409, "{\"title\":\"Conflict\",\"status\":409}"));

            Cli.Result result = Cli.run(services.url(), "orders", "stats");

            assertEquals(1, result.exitCode());
            assertEquals("error: Conflict\n", result.err());
        }
    }

    @Test
    void showsStatusAndBodyOfAnErrorThatIsNotAProblem() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders/stats", request -> new FakeServices.Reply(503, "text/plain", "down for maintenance"));

            Cli.Result result = Cli.run(services.url(), "orders", "stats");

            assertEquals(1, result.exitCode());
            assertEquals("error: order-service answered GET /orders/stats with HTTP 503: down for maintenance\n",
                    result.err());
        }
    }

    @Test
    void saysWhichServiceIsNotReachableAndHowToStartIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        Cli.Result result = Cli.run(url, "kpi");

        assertEquals(1, result.exitCode());
        assertEquals("error: analytics-service is not reachable at " + url + " — run ./oms up\n", result.err());
        assertFalse(result.err().contains("Exception"));
    }

    @Test
    void reportsAnAnswerThatIsNotTheExpectedJson() throws IOException {
        try (FakeServices services = new FakeServices()) {
            services.on("GET", "/orders/stats", request -> json("<html>proxy error</html>"));

            Cli.Result result = Cli.run(services.url(), "orders", "stats");

            assertEquals(1, result.exitCode());
            assertEquals(true, result.err().startsWith("error: order-service sent an unexpected answer to GET /orders/stats: "),
                    result.err());
        }
    }

    @Test
    void anUnknownStatusIsAUsageErrorThatNamesTheValidOnes() throws IOException {
        try (FakeServices services = new FakeServices()) {
            Cli.Result result = Cli.run(services.url(), "orders", "list", "--status", "nope");

            assertEquals(2, result.exitCode());
            assertEquals(true, result.err().startsWith("Invalid value for option '--status': 'nope' is not one of RECEIVED, "),
                    result.err());
            assertEquals(0, services.requests("GET", "/orders").size());
        }
    }

    @Test
    void aUsageErrorExitsWith2() throws IOException {
        try (FakeServices services = new FakeServices()) {
            Cli.Result result = Cli.run(services.url(), "orders");

            assertEquals(2, result.exitCode());
            assertEquals(true, result.err().startsWith("Missing subcommand"), result.err());
        }
    }
}
