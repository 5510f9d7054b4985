package dev.oms.payment.domain;

/** What the payment gateway answered for a sale: approved, or declined with a reason. */
public record GatewayDecision(boolean approved, String declineReason) {

    public static GatewayDecision approve() {
        return new GatewayDecision(true, null);
    }

    public static GatewayDecision decline(String reason) {
        return new GatewayDecision(false, reason);
    }
}
