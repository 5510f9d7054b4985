package dev.oms.system;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oms.events.EventCodec;
import dev.oms.devtokens.DevelopmentTokens;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.infra.testing.TestAuth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The services' HTTP APIs as the system tests use them, answers read into records. Any answer other than 2xx
 * fails the call with the status and body. Thread-safe.
 */
final class OmsApi {

    /** The statuses of an order still inside the saga; every other status is terminal for it. */
    static final Set<String> MID_SAGA = Set.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING");
    private static final int PAGE_SIZE = 200;
    // The events' mapper ignores unknown fields, so the records below name only what the tests look at.
    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final String STAFF_TOKEN = DevelopmentTokens.mint("system-test@oms.test",
            List.of(TestAuth.ADMIN, TestAuth.SUPPORT, TestAuth.ANALYST));

    private final OmsSystem system;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    OmsApi(OmsSystem system) {
        this.system = system;
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record OrderStats(long total, Map<String, Long> byStatus) {

        long count(String status) {
            return byStatus.getOrDefault(status, 0L);
        }

        long midSaga() {
            return MID_SAGA.stream().mapToLong(this::count).sum();
        }

        long settled() {
            return total - midSaga();
        }
    }

    record OrderSummary(UUID orderId, String externalOrderId, String status, String reason, String lane, Money total,
                        UUID paymentId) {

        boolean settled() {
            return !MID_SAGA.contains(status);
        }
    }

    record ProductStock(String sku, int onHand, int reserved) {
    }

    record PaidDay(LocalDate date, long paidOrders, long grossRevenueMinor, String currency) {
    }

    record PlaceOrder(String externalOrderId, Customer customer, List<Line> lines) {

        record Customer(String email, String name) {
        }

        record Line(String sku, int quantity) {
        }
    }

    record PlacedOrder(UUID orderId) {
    }

    record ImportJob(UUID importId, String status, String error, String format, long ordersPublished,
                     long rowsRejected, Boolean duplicate) {

        boolean ended() {
            return Set.of("COMPLETED", "FAILED", "CANCELLED").contains(status);
        }
    }

    /** An order with its lines, as {@code GET /orders/{id}} shows it. */
    record OrderDetail(UUID orderId, String externalOrderId, String status, String reason, Money total,
                       List<OrderLine> lines, String refundStatus, Money refunded) {
    }

    record Payment(UUID paymentId, UUID orderId, Money amount, Money refunded, String status, boolean voidRequested,
                   List<Attempt> attempts) {

        record Attempt(String kind, String status) {
        }

        long approvedSales() {
            return attempts.stream().filter(a -> a.kind().equals("SALE") && a.status().equals("APPROVED")).count();
        }
    }

    record Refund(UUID refundId, UUID orderId, Money amount, String status, String failureReason) {

        boolean pending() {
            return status.equals("PENDING");
        }
    }

    record Notification(UUID eventId, String type, String channel, UUID orderId, String orderStatus, Money total,
                        Money refundAmount, String status) {
    }

    /** An HTTP answer as it came: for requests whose refusal is part of what a test checks. */
    record Answer(int status, String body) {
    }

    record RebuildStatus(String state, long fromGeneration, long toGeneration, long recordsRead,
                         long eventsApplied, long recordsSkipped, long recordsPerSecond, Instant startedAt,
                         Instant finishedAt, String error) {
    }

    record PaymentTotals(Map<String, Long> count, Map<String, Long> amountMinor) {
    }

    record DailyKpis(LocalDate date, long ordersCompleted, long ordersFailed, long ordersCancelled,
                     long grossRevenueMinor, long averageOrderValueMinor, long refundedMinor, long netRevenueMinor,
                     long refundsCompleted) {
    }

    record KpiRange(DailyKpis totals) {
    }

    record Queues(List<GroupLag> consumerGroups) {

        record GroupLag(String group, String topic, long lag) {
        }
    }

    record Leaderboard(List<Entry> entries) {

        record Entry(int rank, UUID customerId, long netSpendMinor) {
        }
    }

    // order-service

    OrderStats orderStats() {
        return get("order-service", "/orders/stats", new TypeReference<>() { });
    }

    /** Every order, or every order in {@code status} (null: all), through all pages. */
    List<OrderSummary> orders(String status) {
        List<OrderSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            String filter = status == null ? "" : "&status=" + status;
            Page<OrderSummary> slice = get("order-service", "/orders?size=" + PAGE_SIZE + "&page=" + page + filter,
                    new TypeReference<>() { });
            all.addAll(slice.items());
            if (slice.items().size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    OrderSummary order(UUID orderId) {
        return get("order-service", "/orders/" + orderId, new TypeReference<>() { });
    }

    OrderDetail orderDetail(UUID orderId) {
        return get("order-service", "/orders/" + orderId, new TypeReference<>() { });
    }

    PlacedOrder placeOrder(PlaceOrder order, String idempotencyKey) {
        HttpRequest request = request("order-service", "/orders")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(toJson(order)))
                .build();
        return send(request, new TypeReference<>() { });
    }

    void upsertProducts(List<GeneratedImport.CatalogProduct> products) {
        HttpRequest request = request("order-service", "/products/bulk")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(toJson(Map.of("products", products))))
                .build();
        send(request, new TypeReference<Map<String, Object>>() { });
    }

    List<ProductStock> products() {
        List<ProductStock> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<ProductStock> slice = get("order-service", "/products?size=" + PAGE_SIZE + "&page=" + page,
                    new TypeReference<>() { });
            all.addAll(slice.items());
            if (slice.items().size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    List<PaidDay> paidDaily(LocalDate from, LocalDate to) {
        return get("order-service", "/reports/paid-daily?from=" + from + "&to=" + to, new TypeReference<>() { });
    }

    // import-service

    ImportJob importCsv(String fileName, String csv) {
        HttpRequest request = request("import-service", "/imports?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build();
        return send(request, new TypeReference<>() { });
    }

    ImportJob importJob(UUID importId) {
        return get("import-service", "/imports/" + importId, new TypeReference<>() { });
    }

    // payment-service

    List<Payment> paymentsOf(UUID orderId) {
        return get("payment-service", "/payments?orderId=" + orderId, new TypeReference<>() { });
    }

    PaymentTotals paymentTotals() {
        return get("payment-service", "/payments/totals", new TypeReference<>() { });
    }

    // refund-service

    Answer requestRefund(UUID orderId, String idempotencyKey, Map<String, Object> body) {
        HttpRequest request = request("refund-service", "/orders/" + orderId + "/refunds")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(toJson(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + request.uri(), e);
        }
    }

    Refund refund(UUID refundId) {
        return get("refund-service", "/refunds/" + refundId, new TypeReference<>() { });
    }

    record RefundDay(LocalDate date, long refundsCompleted, long refundedMinor, String currency) {
    }

    List<RefundDay> refundsDaily(LocalDate from, LocalDate to) {
        return get("refund-service", "/reports/refunds-daily?from=" + from + "&to=" + to, new TypeReference<>() { });
    }

    List<Refund> refundsOf(UUID orderId) {
        return get("refund-service", "/orders/" + orderId + "/refunds", new TypeReference<>() { });
    }

    // notification-service

    List<Notification> notificationsOf(UUID orderId) {
        Page<Notification> page = get("notification-service", "/notifications?size=200&orderId=" + orderId,
                new TypeReference<>() { });
        return page.items();
    }

    // analytics-service

    DailyKpis kpis(LocalDate date) {
        return get("analytics-service", "/kpis/daily?date=" + date, new TypeReference<>() { });
    }

    /** The totals of {@code GET /kpis} over the days from {@code from} to {@code to}. */
    DailyKpis kpiTotals(LocalDate from, LocalDate to) {
        KpiRange range = get("analytics-service", "/kpis?from=" + from + "&to=" + to, new TypeReference<>() { });
        return range.totals();
    }

    Leaderboard leaderboard(int limit) {
        return get("analytics-service", "/leaderboard?limit=" + limit, new TypeReference<>() { });
    }

    /** The answer's body as it came: for comparing a whole answer before and after. */
    String analyticsJson(String path) {
        return send(request("analytics-service", path).GET().build(), new TypeReference<JsonNode>() { }).toString();
    }

    RebuildStatus startRebuild() {
        return send(request("analytics-service", "/ops/rebuild").POST(HttpRequest.BodyPublishers.noBody()).build(),
                new TypeReference<>() { });
    }

    /** Each consumer group's lag per topic, as analytics-service's ops view reads it from the broker. */
    Queues queues() {
        return get("analytics-service", "/ops/queues", new TypeReference<>() { });
    }

    RebuildStatus rebuildStatus() {
        return get("analytics-service", "/ops/rebuild", new TypeReference<>() { });
    }

    private <T> T get(String service, String path, TypeReference<T> type) {
        return send(request(service, path).GET().build(), type);
    }

    private HttpRequest.Builder request(String service, String path) {
        return HttpRequest.newBuilder(URI.create(system.url(service) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + STAFF_TOKEN);
    }

    private <T> T send(HttpRequest request, TypeReference<T> type) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    /** The staff token every request of the system tests carries. */
    static String staffToken() {
        return STAFF_TOKEN;
    }

    /** A JSON object as a map, for tests that look at a few fields of an answer. */
    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + json, e);
        }
    }

    private static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
