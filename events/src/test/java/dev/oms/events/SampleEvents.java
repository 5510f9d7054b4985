package dev.oms.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One realistic instance of every event: a USD order of two mugs and a T-shirt by Alice. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");
    static final UUID ORDER_ID = Ids.orderId("SHOP-100042");
    static final CustomerRef ALICE = new CustomerRef(Ids.customerId("alice@example.com"), "alice@example.com", "Alice Example");

    private static final UUID CUSTOMER_ID = ALICE.customerId();
    private static final UUID PAYMENT_ID = UUID.fromString("0195932a-8f3c-7a10-9b2e-5d4c3b2a1f00");
    private static final UUID REFUND_ID = UUID.fromString("0195932b-1a2b-7c3d-8e4f-a0b1c2d3e4f5");
    private static final UUID IMPORT_JOB_ID = UUID.fromString("01959329-0000-7000-8000-00000000c5f1");
    private static final UUID NOTIFICATION_ID = UUID.fromString("0195932c-4d5e-7f60-8172-839405a6b7c8");
    private static final UUID SOURCE_EVENT_ID = UUID.fromString("0195932a-9000-7abc-8def-0123456789ab");

    private static final Money MUG = usd(1299);
    private static final Money TEE = usd(2499);
    private static final Money TOTAL = usd(5097);
    private static final Money PARTIAL_REFUND = usd(1299);
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("MUG-001", "Coffee mug", 2, MUG),
            new OrderLine("TEE-M", "T-shirt, size M", 1, TEE));

    private static final Map<Class<? extends OmsEvent>, OmsEvent> FULL = byClass(List.of(
            new OrderRequested(ORDER_ID, "SHOP-100042", Lane.BULK, ALICE, LINES, AT.minusSeconds(86_400), IMPORT_JOB_ID, 2L),
            new OrderAccepted(ORDER_ID, "SHOP-100042", Lane.BULK, ALICE, LINES, TOTAL, AT.minusSeconds(86_400)),
            new OrderRejected(ORDER_ID, CUSTOMER_ID, RejectionReason.OUT_OF_STOCK, "MUG-001: 2 requested, 1 available", TOTAL),
            new StockReserved(ORDER_ID, List.of(new StockLine("MUG-001", 2), new StockLine("TEE-M", 1))),
            new OrderCompleted(ORDER_ID, ALICE, TOTAL, PAYMENT_ID, AT),
            new OrderFailed(ORDER_ID, CUSTOMER_ID, FailureReason.PAYMENT_DECLINED, "card_declined: insufficient funds", TOTAL),
            new OrderCancelled(ORDER_ID, CUSTOMER_ID, TOTAL, "customer changed their mind"),
            new OrderShipped(ORDER_ID, CUSTOMER_ID, TOTAL),
            new OrderDelivered(ORDER_ID, CUSTOMER_ID, TOTAL),
            new OrderRefundStatusChanged(ORDER_ID, CUSTOMER_ID, RefundStatus.PARTIAL, PARTIAL_REFUND),
            new AuthorizePayment(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, TOTAL, Lane.INTERACTIVE),
            new VoidPayment(PAYMENT_ID, ORDER_ID, "order cancelled"),
            new RefundPayment(REFUND_ID, ORDER_ID, PARTIAL_REFUND),
            new PaymentAuthorized(PAYMENT_ID, ORDER_ID, TOTAL, AT),
            new PaymentDeclined(PAYMENT_ID, ORDER_ID, TOTAL, "card_declined"),
            new PaymentVoided(PAYMENT_ID, ORDER_ID, TOTAL),
            new RefundSettled(REFUND_ID, ORDER_ID, PARTIAL_REFUND),
            new RefundDeclined(REFUND_ID, ORDER_ID, PARTIAL_REFUND, "charge already refunded"),
            new RefundRequested(REFUND_ID, ORDER_ID, CUSTOMER_ID, PARTIAL_REFUND, "one mug arrived broken"),
            new RefundCompleted(REFUND_ID, ORDER_ID, CUSTOMER_ID, PARTIAL_REFUND),
            new RefundFailed(REFUND_ID, ORDER_ID, CUSTOMER_ID, PARTIAL_REFUND, "charge already refunded"),
            new NotificationSent(NOTIFICATION_ID, SOURCE_EVENT_ID, ORDER_ID, "ORDER_CONFIRMED", "email"),
            new NotificationFailed(NOTIFICATION_ID, SOURCE_EVENT_ID, ORDER_ID, "ORDER_CONFIRMED", "webhook",
                    "HTTP 503 from https://hooks.example.com/oms")));

    // Every field a record may leave null is null here; events without optional fields fall back to FULL.
    private static final Map<Class<? extends OmsEvent>, OmsEvent> MINIMAL = byClass(List.of(
            new OrderRequested(ORDER_ID, null, Lane.INTERACTIVE, ALICE, List.of(
                    new OrderLine("MUG-001", null, 2, null),
                    new OrderLine(null, "T-shirt, size M", 1, null)), null, null, null),
            new OrderRejected(ORDER_ID, CUSTOMER_ID, RejectionReason.UNKNOWN_PRODUCT, null, TOTAL),
            new OrderFailed(ORDER_ID, CUSTOMER_ID, FailureReason.PAYMENT_TIMEOUT, null, TOTAL),
            new OrderCancelled(ORDER_ID, CUSTOMER_ID, TOTAL, null)));

    private SampleEvents() {
    }

    static OmsEvent full(Class<? extends OmsEvent> eventClass) {
        OmsEvent sample = FULL.get(eventClass);
        if (sample == null) {
            throw new IllegalStateException("no sample of " + eventClass.getSimpleName() + ": add one to SampleEvents");
        }
        return sample;
    }

    static OmsEvent minimal(Class<? extends OmsEvent> eventClass) {
        return MINIMAL.containsKey(eventClass) ? MINIMAL.get(eventClass) : full(eventClass);
    }

    static EventEnvelope envelope(OmsEvent event) {
        return EventEnvelope.of(UUID.fromString("0195932d-0000-7000-8000-0000000e7e01"), "order-service", AT, event);
    }

    static Money usd(long amountMinor) {
        return new Money(amountMinor, "USD");
    }

    private static Map<Class<? extends OmsEvent>, OmsEvent> byClass(List<OmsEvent> events) {
        return events.stream().collect(Collectors.toUnmodifiableMap(OmsEvent::getClass, Function.identity()));
    }
}
