package dev.oms.notification.service;

import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.Notification;
import dev.oms.notification.domain.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Read side of the notification history. */
@ApplicationScoped
public class NotificationQueries {

    private final EntityManager entityManager;

    public NotificationQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of matching notifications and the number of all matches. */
    public record Slice(List<Notification> items, long total) {
    }

    /** Newest first; ids are time-ordered, so they order rows made within one second (the database keeps seconds). */
    public Slice list(NotificationFilter filter, int page, int size) {
        NotificationFilter.Condition condition = filter.condition();
        TypedQuery<Notification> query = entityManager.createQuery(
                "from Notification n" + condition.where() + " order by n.createdAt desc, n.id desc", Notification.class);
        TypedQuery<Long> count = entityManager.createQuery(
                "select count(n) from Notification n" + condition.where(), Long.class);
        condition.parameters().map().forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Notification> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Slice(items, count.getSingleResult());
    }

    /** Counts by type and status; every type and status appears, with 0 where nothing matched. */
    public Map<NotificationType, Map<DeliveryStatus, Long>> countsByTypeAndStatus(NotificationFilter filter) {
        NotificationFilter.Condition condition = filter.condition();
        TypedQuery<Object[]> query = entityManager.createQuery("select n.type, n.status, count(n) from Notification n"
                + condition.where() + " group by n.type, n.status", Object[].class);
        condition.parameters().map().forEach(query::setParameter);
        Map<NotificationType, Map<DeliveryStatus, Long>> counts = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus status : DeliveryStatus.values()) {
                byStatus.put(status, 0L);
            }
            counts.put(type, byStatus);
        }
        for (Object[] row : query.getResultList()) {
            counts.get((NotificationType) row[0]).put((DeliveryStatus) row[1], (Long) row[2]);
        }
        return counts;
    }
}
