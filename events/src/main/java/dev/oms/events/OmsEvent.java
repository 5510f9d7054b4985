package dev.oms.events;

import java.util.UUID;

/**
 * Payload of every OMS event and command. Each event is keyed and subjected by its order id, so all
 * facts about one order land in one partition, in order. The CloudEvents type is derived from the
 * record name: {@code oms.<RecordName>.v1}.
 */
public sealed interface OmsEvent permits
        OrderRequested, OrderAccepted, OrderRejected, StockReserved, OrderCompleted, OrderFailed,
        OrderCancelled, OrderShipped, OrderDelivered, OrderRefundStatusChanged,
        AuthorizePayment, VoidPayment, RefundPayment,
        PaymentAuthorized, PaymentDeclined, PaymentVoided, RefundSettled, RefundDeclined,
        RefundRequested, RefundCompleted, RefundFailed,
        NotificationSent, NotificationFailed {

    UUID orderId();
}
