package dev.oms.notification.channel;

/** A send that did not go through; {@code permanent} when trying again cannot help (no address, a 4xx answer). */
public class DeliveryException extends RuntimeException {

    private final boolean permanent;

    private DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryException retryable(String message) {
        return new DeliveryException(message, false, null);
    }

    public static DeliveryException retryable(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, true, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
