package dev.oms.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The CloudEvents type of every event record: {@code oms.<RecordName>.v1}. */
public final class EventTypes {

    /**
     * Every OMS event. Not a sealed interface on purpose: Quarkus test class loaders may load a permitted class and
     * its interface through different loaders, which the JVM refuses for sealed types.
     */
    public static final List<Class<? extends OmsEvent>> ALL = List.of(
            OrderRequested.class, OrderAccepted.class, OrderRejected.class, StockReserved.class, OrderCompleted.class,
            OrderFailed.class, OrderCancelled.class, OrderShipped.class, OrderDelivered.class,
            OrderRefundStatusChanged.class,
            AuthorizePayment.class, VoidPayment.class, RefundPayment.class,
            PaymentAuthorized.class, PaymentDeclined.class, PaymentVoided.class, RefundSettled.class, RefundDeclined.class,
            RefundRequested.class, RefundCompleted.class, RefundFailed.class,
            NotificationSent.class, NotificationFailed.class);

    private static final Map<String, Class<? extends OmsEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    public static String typeOf(Class<? extends OmsEvent> eventClass) {
        return "oms." + eventClass.getSimpleName() + ".v1";
    }

    public static Optional<Class<? extends OmsEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
