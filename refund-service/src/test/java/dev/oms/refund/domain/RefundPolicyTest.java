package dev.oms.refund.domain;

import dev.oms.events.RefundStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefundPolicyTest {

    @Test
    void grantsUpToWhatRemainsAndEverythingThatRemainsWithoutAnAmount() {
        assertEquals(new RefundPolicy.Granted(300), RefundPolicy.decide(RefundStatus.PARTIAL, 1_000, 700, 300L));
        assertEquals(new RefundPolicy.Granted(700), RefundPolicy.decide(RefundStatus.NONE, 1_000, 300, null));
    }

    @Test
    void refusesMoreThanRemainsNamingWhatRemains() {
        assertEquals(new RefundPolicy.Refused("the amount 301 is more than the 300 that can still be refunded", 300),
                RefundPolicy.decide(RefundStatus.PARTIAL, 1_000, 700, 301L));
    }

    @Test
    void refusesAFullyRefundedOrderOrOneWhosePendingRefundsCoverIt() {
        String reason = "the order is already fully refunded (or its refunds in progress cover it)";
        assertEquals(new RefundPolicy.Refused(reason, 0), RefundPolicy.decide(RefundStatus.FULL, 1_000, 0, 10L));
        assertEquals(new RefundPolicy.Refused(reason, 0), RefundPolicy.decide(RefundStatus.PARTIAL, 1_000, 1_000, null));
    }

    @Test
    void refusesANonPositiveAmount() {
        assertEquals(new RefundPolicy.Refused("the amount must be positive", 1_000),
                RefundPolicy.decide(RefundStatus.NONE, 1_000, 0, 0L));
    }
}
