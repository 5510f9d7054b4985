package dev.oms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What EventCodec writes, and that it sends anything it cannot read faithfully to the dead-letter path. */
class EventCodecTest {

    private static final EventEnvelope COMPLETED = SampleEvents.envelope(SampleEvents.full(OrderCompleted.class));

    @Test
    void writesCloudEventsAttributesAndIntegerMoney() throws IOException {
        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(COMPLETED));

        assertEquals("1.0", json.get("specversion").asText());
        assertEquals("oms.OrderCompleted.v1", json.get("type").asText());
        assertEquals(SampleEvents.ORDER_ID.toString(), json.get("subject").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        assertEquals("2025-03-14T09:26:53.589Z", json.get("time").asText());
        JsonNode total = json.get("data").get("total");
        assertTrue(total.get("amountMinor").isIntegralNumber(), "amountMinor must be a JSON integer");
        assertEquals(5097, total.get("amountMinor").asLong());
        assertEquals("USD", total.get("currency").asText());
        assertEquals(SampleEvents.ORDER_ID.toString(), COMPLETED.key());
    }

    @Test
    void unchangedRecordDecodes() {
        assertEquals(COMPLETED, EventCodec.decode(modified(json -> { })));
    }

    @Test
    void unknownAttributesAndFieldsAreIgnored() {
        byte[] value = modified(json -> {
            json.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            ((ObjectNode) json.get("data")).put("loyaltyPoints", 50);
        });
        assertEquals(COMPLETED, EventCodec.decode(value));
    }

    @Test
    void attributesAfterTheDataDecodeToo() {
        byte[] value = modified(json -> {
            JsonNode data = json.remove("data");
            ObjectNode reordered = json.objectNode().set("data", data);
            reordered.setAll(json);
            json.removeAll();
            json.setAll(reordered);
        });
        assertTrue(new String(value, StandardCharsets.UTF_8).startsWith("{\"data\""));
        assertEquals(COMPLETED, EventCodec.decode(value));
    }

    @Test
    void unknownTypeAfterTheDataIsMalformed() {
        assertMalformed(modified(json -> {
            JsonNode data = json.remove("data");
            ObjectNode reordered = json.objectNode().set("data", data);
            reordered.setAll(json);
            reordered.put("type", "oms.OrderTeleported.v1");
            json.removeAll();
            json.setAll(reordered);
        }));
    }

    @Test
    void attributeThatIsNotAStringIsMalformed() {
        assertMalformed(modified(json -> json.put("time", 1741944413589L)));
        assertMalformed(modified(json -> json.set("subject", json.objectNode())));
    }

    @Test
    void dataThatIsNotAnObjectIsMalformed() {
        assertMalformed(modified(json -> json.put("data", "{}")));
    }

    @Test
    void nullValueIsMalformed() {
        assertMalformed(null);
    }

    @Test
    void garbageBytesAreMalformed() {
        assertMalformed(new byte[] {(byte) 0xff, 0x00, 0x13, (byte) 0x9c, '{'});
        assertMalformed("order 42 shipped".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonThatIsNotAnObjectIsMalformed() {
        assertMalformed("[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingTypeIsMalformed() {
        assertMalformed(modified(json -> json.remove("type")));
    }

    @Test
    void unknownTypeIsMalformed() {
        assertMalformed(modified(json -> json.put("type", "oms.OrderTeleported.v1")));
    }

    @Test
    void missingDataIsMalformed() {
        assertMalformed(modified(json -> json.remove("data")));
    }

    @Test
    void dataWithoutOrderIdIsMalformed() {
        assertMalformed(modified(json -> ((ObjectNode) json.get("data")).remove("orderId")));
    }

    @Test
    void eventIdThatIsNotAUuidIsMalformed() {
        assertMalformed(modified(json -> json.put("id", "42")));
    }

    @Test
    void fractionalAmountIsMalformedRatherThanTruncated() {
        assertMalformed(modified(json -> total(json).put("amountMinor", 5097.5)));
    }

    @Test
    void missingAmountIsMalformedRatherThanZero() {
        assertMalformed(modified(json -> total(json).remove("amountMinor")));
    }

    @Test
    void badCurrencyIsMalformed() {
        assertMalformed(modified(json -> total(json).put("currency", "dollars")));
    }

    private static void assertMalformed(byte[] value) {
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(value));
    }

    private static byte[] modified(Consumer<ObjectNode> change) {
        try {
            ObjectNode json = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(COMPLETED));
            change.accept(json);
            return EventCodec.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode total(ObjectNode json) {
        return (ObjectNode) json.get("data").get("total");
    }
}
