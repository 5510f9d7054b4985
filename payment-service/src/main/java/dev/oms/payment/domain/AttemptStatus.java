package dev.oms.payment.domain;

/** Where one request to the gateway stands: asked, or answered. */
public enum AttemptStatus {
    REQUESTED,
    APPROVED,
    DECLINED
}
