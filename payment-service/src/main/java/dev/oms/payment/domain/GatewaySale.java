package dev.oms.payment.domain;

import java.util.Objects;

/**
 * What the gateway's own books say about one sale, as {@link PaymentGateway#lookup} reports it. The answer
 * ({@link SaleResult}: approved, or declined with its reason) is there exactly when the gateway has one.
 */
public record GatewaySale(State state, SaleResult result) {

    public enum State {
        /** The gateway never received the sale. */
        UNKNOWN,
        /** Received, but not yet decided. */
        PENDING,
        /** Decided; {@link #result()} is the answer. */
        ANSWERED,
        /** Approved and then given back; {@link #result()} is the approval. */
        VOIDED
    }

    public GatewaySale {
        Objects.requireNonNull(state, "state");
        boolean decided = state == State.ANSWERED || state == State.VOIDED;
        if (decided != (result != null)) {
            throw new IllegalArgumentException("a " + state + " sale " + (decided ? "needs" : "has no") + " result");
        }
    }

    public static GatewaySale unknown() {
        return new GatewaySale(State.UNKNOWN, null);
    }

    public static GatewaySale pending() {
        return new GatewaySale(State.PENDING, null);
    }

    public static GatewaySale answered(SaleResult result) {
        return new GatewaySale(State.ANSWERED, result);
    }

    public static GatewaySale voided(SaleResult result) {
        return new GatewaySale(State.VOIDED, result);
    }
}
