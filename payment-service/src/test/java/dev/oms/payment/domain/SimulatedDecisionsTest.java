package dev.oms.payment.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedDecisionsTest {

    private static final List<String> REASONS = List.of("insufficient_funds", "card_declined");

    @Test
    void sameSeedAndOrderAlwaysGetTheSameAnswer() {
        SimulatedDecisions first = new SimulatedDecisions(7, 0.5, REASONS);
        SimulatedDecisions afterRestart = new SimulatedDecisions(7, 0.5, REASONS);
        for (int i = 0; i < 200; i++) {
            UUID orderId = UUID.nameUUIDFromBytes(("order-" + i).getBytes());
            assertEquals(first.decide(orderId), afterRestart.decide(orderId));
        }
    }

    @Test
    void approvalRateIsHonouredOverManyOrders() {
        SimulatedDecisions decisions = new SimulatedDecisions(42, 0.9, REASONS);
        long approved = IntStream.range(0, 10_000)
                .mapToObj(i -> decisions.decide(UUID.nameUUIDFromBytes(("o" + i).getBytes())))
                .filter(GatewayDecision::approved)
                .count();
        assertTrue(approved > 8_800 && approved < 9_200, "approved " + approved + " of 10000 at rate 0.9");
    }

    @Test
    void extremesApproveAllOrNothingAndDeclinesCarryAConfiguredReason() {
        UUID orderId = UUID.randomUUID();
        assertTrue(new SimulatedDecisions(1, 1.0, REASONS).decide(orderId).approved());
        GatewayDecision declined = new SimulatedDecisions(1, 0.0, REASONS).decide(orderId);
        assertFalse(declined.approved());
        assertTrue(REASONS.contains(declined.declineReason()));
    }

    @Test
    void rateOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedDecisions(1, 1.5, REASONS));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedDecisions(1, 0.5, List.of()));
    }
}
