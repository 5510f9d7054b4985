package dev.oms.payment.domain;

/** The gateway's answer to a sale. */
public enum SaleOutcome {
    APPROVED,
    DECLINED
}
