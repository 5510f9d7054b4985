package dev.oms.notification.channel;

/**
 * The adapter to a push service (APNs, FCM, ...): delivers a JSON push message to the customer's devices. A real
 * provider is a bean implementing this; without one, {@link SimulatedPushProvider} stands in.
 */
public interface PushProvider {

    /** Returns once the provider accepted the message; throws {@link DeliveryException} otherwise. */
    void push(Delivery delivery);
}
