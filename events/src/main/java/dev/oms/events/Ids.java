package dev.oms.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic identifiers that are part of the contract: other systems can derive the same ids.
 * Name-based ids are RFC 9562 version 5 (SHA-1) UUIDs in the OMS namespace below.
 */
public final class Ids {

    /** The OMS namespace for name-based UUIDs. Never change it: ids derived from it are stored everywhere. */
    public static final UUID NAMESPACE = UUID.fromString("6f6d732d-0000-4000-8000-6f6d732d6964");
    private static final byte[] NAMESPACE_BYTES = toBytes(NAMESPACE);
    // Looking a digest up costs more than hashing a short name; imports derive several ids per order.
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(Ids::newSha1);

    private Ids() {
    }

    /** Email as used for identity: trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static UUID customerId(String email) {
        return nameBased("customer:" + normalizeEmail(email));
    }

    /** The order id for an order known to the shop by {@code externalOrderId} (e.g. the CSV's order_id). */
    public static UUID orderId(String externalOrderId) {
        return nameBased("order:" + externalOrderId.trim());
    }

    public static UUID nameBased(String name) {
        MessageDigest sha1 = SHA1.get();
        sha1.update(NAMESPACE_BYTES);
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }
}
