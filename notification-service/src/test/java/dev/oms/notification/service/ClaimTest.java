package dev.oms.notification.service;

import dev.oms.infra.OmsTestInfra;
import dev.oms.notification.domain.Channel;
import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.Notification;
import dev.oms.notification.domain.NotificationType;
import dev.oms.notification.domain.OrderStatus;
import dev.oms.notification.testing.NotificationReceivers;
import dev.oms.platform.ids.Uuids;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dispatchers claiming at the same time (replicas) never get the same row; a released claim is sent at once. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class ClaimTest {

    // Several of the dispatcher's batches (100 in tests too): it may claim one before the claimers start, but never
    // all of them (with 60, it once took every row first, and the test proved nothing).
    private static final int ROWS = 600;

    @Inject
    Deliveries deliveries;

    @Test
    void concurrentClaimsNeverShareARowAndReleasedRowsAreSentByTheDispatcher() throws Exception {
        UUID orderId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ROWS; i++) {
                dueLogNotification(orderId).persist();
            }
        });

        // Two claimers besides the service's own dispatcher, which may take some of the rows too.
        ExecutorService claimers = Executors.newFixedThreadPool(2);
        List<Notification> mine;
        try {
            Callable<List<Notification>> claimAll = () -> {
                List<Notification> claimed = new ArrayList<>();
                // Bounded, so a claim that hands out claimed rows again fails the test instead of looping.
                for (int round = 0; round < ROWS; round++) {
                    List<Notification> batch = deliveries.claimDue(5, Duration.ofMinutes(5));
                    if (batch.isEmpty()) {
                        break;
                    }
                    claimed.addAll(batch);
                }
                return claimed;
            };
            Future<List<Notification>> first = claimers.submit(claimAll);
            Future<List<Notification>> second = claimers.submit(claimAll);
            mine = new ArrayList<>(first.get());
            Set<UUID> firstIds = ids(mine);
            List<Notification> secondClaimed = second.get();
            Set<UUID> secondIds = ids(secondClaimed);
            assertEquals(mine.size(), firstIds.size(), "a claimer never gets a row twice");
            assertEquals(secondClaimed.size(), secondIds.size(), "a claimer never gets a row twice");
            Set<UUID> shared = new HashSet<>(firstIds);
            shared.retainAll(secondIds);
            assertTrue(shared.isEmpty(), "claimed by both: " + shared);
            mine.addAll(secondClaimed);
        } finally {
            claimers.shutdown();
        }
        List<Notification> ours = mine.stream().filter(n -> n.orderId.equals(orderId)).toList();
        assertTrue(!ours.isEmpty(), "the claimers took some of the rows");

        deliveries.release(ours);

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Notification.count("orderId = ?1 and status = ?2", orderId, DeliveryStatus.SENT)) == ROWS);
        long sentOnce = QuarkusTransaction.requiringNew().call(() ->
                Notification.count("orderId = ?1 and attempts = 1", orderId));
        assertEquals(ROWS, sentOnce, "each row sent once, by whoever held its claim");
    }

    private static Set<UUID> ids(List<Notification> notifications) {
        Set<UUID> ids = new HashSet<>();
        notifications.forEach(n -> ids.add(n.id));
        return ids;
    }

    private static Notification dueLogNotification(UUID orderId) {
        Instant now = Instant.now();
        Notification n = new Notification();
        n.id = Uuids.timeOrdered();
        n.eventId = UUID.randomUUID();
        n.channel = Channel.LOG;
        n.type = NotificationType.ORDER_SHIPPED;
        n.orderId = orderId;
        n.customerId = UUID.randomUUID();
        n.orderStatus = OrderStatus.SHIPPED;
        n.totalMinor = 100;
        n.currency = "USD";
        n.payload = "claim test";
        n.status = DeliveryStatus.PENDING;
        n.createdAt = now;
        n.nextAttemptAt = now.minusSeconds(1);
        return n;
    }
}
