package dev.oms.payment.domain;

/** How a refund ended at the gateway: money given back, or not. */
public enum RefundSettlementStatus {
    SETTLED,
    DECLINED
}
