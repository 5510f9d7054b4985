package dev.oms.payment.domain;

/** What the payment gateway answered for a sale: approved, or declined with a reason. */
public record GatewayDecision(SaleOutcome outcome, String declineReason) {

    public static GatewayDecision approve() {
        return new GatewayDecision(SaleOutcome.APPROVED, null);
    }

    public static GatewayDecision decline(String reason) {
        return new GatewayDecision(SaleOutcome.DECLINED, reason);
    }

    public boolean approved() {
        return outcome == SaleOutcome.APPROVED;
    }
}
