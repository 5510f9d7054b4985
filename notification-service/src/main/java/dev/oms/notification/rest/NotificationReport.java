package dev.oms.notification.rest;

import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.NotificationType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts of notifications by type and status, with the success rate SENT / (SENT + FAILED) — null while none has
 * ended — per type and overall. PENDING ones are counted but left out of the rate: they have not ended yet.
 */
public record NotificationReport(List<TypeCounts> byType, Counts total) {

    public record TypeCounts(String type, long pending, long sent, long failed, Double successRate) {
    }

    public record Counts(long pending, long sent, long failed, Double successRate) {
    }

    static NotificationReport of(Map<NotificationType, Map<DeliveryStatus, Long>> counts) {
        long pending = 0;
        long sent = 0;
        long failed = 0;
        List<TypeCounts> byType = new ArrayList<>();
        for (Map.Entry<NotificationType, Map<DeliveryStatus, Long>> entry : counts.entrySet()) {
            Map<DeliveryStatus, Long> c = entry.getValue();
            long p = c.get(DeliveryStatus.PENDING);
            long s = c.get(DeliveryStatus.SENT);
            long f = c.get(DeliveryStatus.FAILED);
            byType.add(new TypeCounts(entry.getKey().name(), p, s, f, successRate(s, f)));
            pending += p;
            sent += s;
            failed += f;
        }
        return new NotificationReport(byType, new Counts(pending, sent, failed, successRate(sent, failed)));
    }

    /** Rounded to four decimals (0.9523 = 95.23 %). */
    static Double successRate(long sent, long failed) {
        if (sent + failed == 0) {
            return null;
        }
        return BigDecimal.valueOf(sent).divide(BigDecimal.valueOf(sent + failed), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
