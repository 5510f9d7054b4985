package dev.oms.analytics.rest;

import dev.oms.analytics.OrderEventsFixture;
import dev.oms.events.CustomerRef;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.TestAuth;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** {@code GET /kpis/stream}: today's snapshot at once, then a new one when an order is paid. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class KpiStreamTest {

    private static final String ANALYST_TOKEN = TestAuth.token("analyst@oms.test", List.of(TestAuth.ANALYST));

    @TestHTTPResource("/kpis/stream")
    URI stream;

    @Test
    void sendsTodaysSnapshotAtOnceAndAnotherWhenAnOrderIsPaid() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + ANALYST_TOKEN).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readData(response.body(), events), "kpi-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonPath first = next(events);
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            assertEquals(today, first.getString("kpis.date"));
            int completedBefore = first.getInt("kpis.ordersCompleted");

            // A big spender, so that they lead today's board whatever other tests paid today.
            CustomerRef eve = newCustomer("Eve");
            OrderEventsFixture.publish(completed(eve, 900_000_000, Instant.now()));

            JsonPath after = next(events);
            while (after.getInt("kpis.ordersCompleted") == completedBefore) {
                after = next(events);
            }
            assertEquals(completedBefore + 1, after.getInt("kpis.ordersCompleted"));
            assertEquals(eve.customerId().toString(), after.getString("topCustomers[0].customerId"));
            assertEquals("Eve", after.getString("topCustomers[0].name"));
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    /** The next event's data, waiting at most 30 s (the stream sends only when numbers change). */
    private static JsonPath next(BlockingQueue<String> events) throws InterruptedException {
        String data = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(data, "no event within 30 s");
        return JsonPath.from(data);
    }

    private static void readData(InputStream body, BlockingQueue<String> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    events.add(line.substring("data:".length()).trim());
                }
            }
        } catch (IOException e) {
            // The test closed the stream.
        }
    }
}
