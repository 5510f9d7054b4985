package dev.oms.payment.service;

import dev.oms.platform.metrics.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Payments on {@code /q/metrics} by outcome: requested, authorized, declined and voided (not by decline reason: a
 * gateway's free text would make series without bound). Counted after commit, so a redelivered command or webhook
 * counts once, as its effect does.
 */
@ApplicationScoped
public class PaymentMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public PaymentMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    void outcome(String outcome) {
        afterCommit.run(() -> Counter.builder("oms.payments").description("Payments by outcome")
                .tag("outcome", outcome).register(registry).increment());
    }
}
