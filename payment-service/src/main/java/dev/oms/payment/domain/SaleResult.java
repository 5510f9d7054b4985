package dev.oms.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** The body of the gateway's webhook: its answer to one sale. */
public record SaleResult(UUID paymentId, UUID orderId, SaleOutcome outcome, String declineReason, long amountMinor,
                         String currency) {

    public SaleResult {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(currency, "currency");
    }

    public GatewayDecision decision() {
        return new GatewayDecision(outcome, outcome == SaleOutcome.DECLINED ? declineReason : null);
    }
}
