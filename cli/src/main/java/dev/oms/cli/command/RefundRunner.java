package dev.oms.cli.command;

import dev.oms.cli.CliException;
import dev.oms.cli.api.Refund;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.http.ServiceClient;
import dev.oms.cli.simulation.RefundPlan;
import dev.oms.cli.simulation.SettledRefund;
import dev.oms.events.Ids;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests planned refunds from refund-service a few at a time and follows each until the payment side settled
 * (COMPLETED) or declined (FAILED) it.
 */
final class RefundRunner {

    private static final int CONCURRENCY = 8;
    /** refund-service learns that an order is paid from order-service's event, a moment after order-service shows it. */
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private final ServiceClient refundService;

    RefundRunner(ServiceClient refundService) {
        this.refundService = refundService;
    }

    /** The refunds as they ended, in the order of {@code plans}. */
    List<SettledRefund> run(List<RefundPlan> plans, ProgressLine progress) {
        if (plans.isEmpty()) {
            return List.of();
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(CONCURRENCY, plans.size()));
        try {
            CompletionService<SettledRefund> done = new ExecutorCompletionService<>(workers);
            List<Future<SettledRefund>> futures = new ArrayList<>(plans.size());
            for (RefundPlan plan : plans) {
                futures.add(done.submit(() -> settle(plan)));
            }
            List<String> statuses = new ArrayList<>(plans.size());
            String counts = "";
            for (int ended = 1; ended <= plans.size(); ended++) {
                statuses.add(done.take().get().status());
                counts = ProgressLine.bar(ended, plans.size()) + " " + Cells.count(ended) + " of "
                        + Cells.count(plans.size()) + " refunds ended: " + SimulateCommand.byStatus(statuses);
                progress.update(counts);
            }
            progress.finish(counts);
            List<SettledRefund> settled = new ArrayList<>(plans.size());
            for (Future<SettledRefund> future : futures) {
                settled.add(future.get());
            }
            return settled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CliException failure ? failure
                    : new IllegalStateException("a refund failed unexpectedly", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private SettledRefund settle(RefundPlan plan) {
        Refund refund = awaitAnswer(refundService, request(plan), ANSWER_TIMEOUT);
        return new SettledRefund(plan, refund.refundId(), refund.status(),
                refund.amount() == null ? 0 : refund.amount().amountMinor(), refund.updatedAt(), refund.failureReason());
    }

    /** Follows a refund until the payment side settled (COMPLETED) or declined (FAILED) it: shared with oms refund. */
    static Refund awaitAnswer(ServiceClient refundService, Refund granted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Refund refund = granted;
        while (refund.pending()) {
            if (System.nanoTime() > deadline) {
                throw new CliException("refund " + refund.refundId() + " is still PENDING after " + timeout.toSeconds()
                        + " s; see it with GET /refunds/" + refund.refundId());
            }
            Pause.sleep(POLL);
            refund = refundService.get("/refunds/" + refund.refundId(), Refund.class);
        }
        return refund;
    }

    /** Asks again under the same key while refund-service does not know the order as paid yet. */
    private Refund request(RefundPlan plan) {
        String path = "/orders/" + Ids.orderId(plan.order().externalOrderId()) + "/refunds";
        Map<String, Object> body = Map.of("amountMinor", plan.amountMinor(),
                "reason", plan.isFull() ? "simulated full refund" : "simulated partial refund");
        long deadline = System.nanoTime() + ACCEPT_TIMEOUT.toNanos();
        while (true) {
            try {
                return refundService.postJson(path, body, Map.of("Idempotency-Key", plan.idempotencyKey()), Refund.class);
            } catch (CliException refused) {
                if (System.nanoTime() > deadline) {
                    throw new CliException("refund-service did not accept the refund of order "
                            + plan.order().externalOrderId() + " within " + ACCEPT_TIMEOUT.toSeconds() + " s: "
                            + refused.getMessage(), refused);
                }
                Pause.sleep(POLL);
            }
        }
    }
}
