package dev.oms.order.service;

import dev.oms.events.Ids;
import dev.oms.order.domain.Order;
import dev.oms.order.domain.OrderHistoryEntry;
import dev.oms.order.domain.OrderStatus;
import dev.oms.order.rest.OrderStats;
import dev.oms.order.rest.PaidDay;
import dev.oms.platform.rest.DateRange;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Read side of orders for the API. */
@ApplicationScoped
public class OrderQueries {

    private final EntityManager entityManager;

    public OrderQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Order get(UUID orderId) {
        // One order by id: no row limit, which Hibernate would apply in memory over the fetched lines.
        return Order.<Order>find("from Order o left join fetch o.lines where o.id = ?1", orderId)
                .singleResultOptional()
                .orElseThrow(() -> ProblemException.notFound("order", orderId));
    }

    public List<OrderHistoryEntry> history(UUID orderId) {
        return OrderHistoryEntry.list("orderId", Sort.by("at").and("id"), orderId);
    }

    public Slice<Order> list(OrderStatus status, String customerEmail, DateRange created, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (customerEmail != null && !customerEmail.isBlank()) {
            conditions.add("customerEmail = :email");
            parameters.and("email", Ids.normalizeEmail(customerEmail));
        }
        if (created.start() != null) {
            conditions.add("createdAt >= :from");
            parameters.and("from", created.start());
        }
        if (created.endExclusive() != null) {
            conditions.add("createdAt < :to");
            parameters.and("to", created.endExclusive());
        }
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending).and("id");
        var query = conditions.isEmpty()
                ? Order.<Order>findAll(newestFirst)
                : Order.<Order>find(String.join(" and ", conditions), newestFirst, parameters);
        query.page(page, size);
        return new Slice<>(query.list(), query.count());
    }

    public OrderStats stats() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        long total = 0;
        List<Object[]> rows = entityManager.createQuery("select o.status, count(o) from Order o group by o.status", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            long count = (Long) row[1];
            byStatus.put(((OrderStatus) row[0]).name(), count);
            total += count;
        }
        return new OrderStats(total, byStatus);
    }

    public List<PaidDay> paidDaily(DateRange range) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT DATE(paid_at) AS day, COUNT(*), SUM(total_minor), currency
                        FROM orders
                        WHERE paid_at >= ?1 AND paid_at < ?2
                        GROUP BY DATE(paid_at), currency
                        ORDER BY day, currency""")
                .setParameter(1, range.start())
                .setParameter(2, range.endExclusive())
                .getResultList();
        return rows.stream()
                .map(r -> new PaidDay(toLocalDate(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (String) r[3]))
                .toList();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
