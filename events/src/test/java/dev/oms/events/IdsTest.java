package dev.oms.events;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdsTest {

    @Test
    void customerIdIgnoresSurroundingSpaceAndCase() {
        assertEquals(Ids.customerId("alice@example.com"), Ids.customerId(" Alice@Example.COM "));
    }

    @Test
    void customerIdIsAnRfcVersion5Uuid() {
        UUID id = Ids.customerId("alice@example.com");
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void orderIdIsDeterministicAndDistinct() {
        assertEquals(Ids.orderId("SHOP-100042"), Ids.orderId("SHOP-100042"));
        assertNotEquals(Ids.orderId("SHOP-100042"), Ids.orderId("SHOP-100043"));
        assertEquals(5, Ids.orderId("SHOP-100042").version());
    }

    @Test
    void customerAndOrderIdsOfTheSameTextDiffer() {
        assertNotEquals(Ids.customerId("x"), Ids.orderId("x"));
    }

    // Other systems derive these ids themselves; the expected values come from Python's uuid.uuid5.
    @Test
    void idsMatchAnIndependentUuid5Implementation() {
        assertEquals(UUID.fromString("3e102655-4b60-5b3f-bddb-baf3d0542bc1"), Ids.customerId("alice@example.com"));
        assertEquals(UUID.fromString("96e2d64c-639f-59df-84ba-9e8c11c0560d"), Ids.orderId("SHOP-100042"));
    }
}
