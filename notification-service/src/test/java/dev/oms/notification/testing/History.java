package dev.oms.notification.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.oms.events.Money;
import io.restassured.common.mapper.TypeRef;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;

/** The notification history as GET /notifications shows it. */
public final class History {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(UUID notificationId, UUID eventId, String type, String channel, UUID orderId, UUID customerId,
                      String orderStatus, Money total, Money refundAmount, String recipient, String subject,
                      String payload, String status, int attempts, String lastError) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowPage(List<Row> items, int page, int size, long total) {
    }

    private History() {
    }

    public static List<Row> ofOrder(UUID orderId) {
        return asStaff().queryParam("orderId", orderId).queryParam("size", 200).get("/notifications")
                .then().statusCode(200).extract().as(new TypeRef<RowPage>() { }).items();
    }

    public static List<Row> ofEvent(UUID orderId, UUID eventId) {
        return ofOrder(orderId).stream().filter(row -> row.eventId().equals(eventId)).toList();
    }

    /** Waits until the order's rows satisfy {@code done}, and returns them. */
    public static List<Row> awaitOrder(UUID orderId, Predicate<List<Row>> done) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ofOrder(orderId), done);
    }

    /** Every row of these events has ended (SENT or FAILED), and each event has {@code channels} rows. */
    public static Predicate<List<Row>> ended(int channels, UUID... eventIds) {
        return rows -> {
            for (UUID eventId : eventIds) {
                List<Row> ofEvent = rows.stream().filter(row -> row.eventId().equals(eventId)).toList();
                if (ofEvent.size() < channels || ofEvent.stream().anyMatch(row -> row.status().equals("PENDING"))) {
                    return false;
                }
            }
            return true;
        };
    }
}
