package dev.oms.platform.nativeimage;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.CustomerRef;
import dev.oms.events.FailureReason;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.NotificationFailed;
import dev.oms.events.NotificationSent;
import dev.oms.events.OrderAccepted;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRefundStatusChanged;
import dev.oms.events.OrderRejected;
import dev.oms.events.OrderRequested;
import dev.oms.events.OrderShipped;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.PaymentVoided;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundDeclined;
import dev.oms.events.RefundFailed;
import dev.oms.events.RefundPayment;
import dev.oms.events.RefundRequested;
import dev.oms.events.RefundSettled;
import dev.oms.events.RefundStatus;
import dev.oms.events.RejectionReason;
import dev.oms.events.StockLine;
import dev.oms.events.StockReserved;
import dev.oms.events.VoidPayment;
import dev.oms.platform.rest.DeadLetterResource;
import dev.oms.platform.rest.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes that Jackson binds by reflection where Quarkus cannot see it at build time, so a native executable keeps
 * their constructors, accessors and fields (docs/native.md). Jar mode needs none of this.
 * <ul>
 * <li>Every event record, with the records and enums inside them: {@code EventCodec} encodes and decodes them with
 * its own ObjectMapper (outbox, consumers, import-service), never through a REST signature.</li>
 * <li>{@link Problem}: exception mappers and the body size filter return it inside a {@code Response} or write it
 * themselves, and {@code DeadLetterResource.Replayed} is returned inside a {@code Response}.</li>
 * </ul>
 * Services register their own such classes where they declare them.
 */
@RegisterForReflection(targets = {
        OrderRequested.class, OrderAccepted.class, OrderRejected.class, StockReserved.class, OrderCompleted.class,
        OrderFailed.class, OrderCancelled.class, OrderShipped.class, OrderDelivered.class,
        OrderRefundStatusChanged.class,
        AuthorizePayment.class, VoidPayment.class, RefundPayment.class,
        PaymentAuthorized.class, PaymentDeclined.class, PaymentVoided.class, RefundSettled.class, RefundDeclined.class,
        RefundRequested.class, RefundCompleted.class, RefundFailed.class,
        NotificationSent.class, NotificationFailed.class,
        Money.class, CustomerRef.class, OrderLine.class, StockLine.class,
        Lane.class, FailureReason.class, RejectionReason.class, RefundStatus.class,
        Problem.class, DeadLetterResource.Replayed.class})
public final class NativeReflection {

    private NativeReflection() {
    }
}
