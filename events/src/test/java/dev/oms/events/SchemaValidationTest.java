package dev.oms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schemas reject what a careless producer might write; each case starts from a record that passes. */
class SchemaValidationTest {

    @Test
    void amountMinorAsStringIsRejected() {
        assertInvalid(OrderCompleted.class, data -> total(data).put("amountMinor", "5097"));
    }

    @Test
    void amountMinorAsFractionIsRejected() {
        assertInvalid(OrderCompleted.class, data -> total(data).put("amountMinor", 12.5));
    }

    @Test
    void lowerCaseCurrencyIsRejected() {
        assertInvalid(OrderCompleted.class, data -> total(data).put("currency", "usd"));
    }

    @Test
    void missingRequiredPropertyIsRejected() {
        assertInvalid(OrderCompleted.class, data -> data.remove("paidAt"));
    }

    @Test
    void orderIdThatIsNotAUuidIsRejected() {
        assertInvalid(OrderCompleted.class, data -> data.put("orderId", "SHOP-100042"));
    }

    @Test
    void timestampThatIsNotADateTimeIsRejected() {
        assertInvalid(OrderCompleted.class, data -> data.put("paidAt", "14/03/2025 09:26"));
    }

    @Test
    void unknownEnumValueIsRejected() {
        assertInvalid(OrderRejected.class, data -> data.put("reason", "LOST_IN_TRANSIT"));
    }

    @Test
    void requestedLineWithNeitherSkuNorProductNameIsRejected() {
        assertInvalid(OrderRequested.class, data -> firstLine(data).remove(List.of("sku", "productName")));
    }

    @Test
    void requestedLineWithOnlyAProductNameIsAccepted() {
        assertValid(OrderRequested.class, data -> firstLine(data).remove("sku"));
    }

    @Test
    void acceptedLineWithoutUnitPriceIsRejected() {
        assertInvalid(OrderAccepted.class, data -> firstLine(data).remove("unitPrice"));
    }

    @Test
    void unknownPropertiesAreAcceptedSoSchemasCanGrow() {
        assertValid(OrderCompleted.class, data -> data.put("loyaltyPoints", 50));
    }

    @Test
    void envelopeRejectsATypeWithoutVersion() {
        ObjectNode envelope = encoded(OrderShipped.class);
        assertTrue(Schemas.validate(Schemas.ENVELOPE, envelope).isEmpty());
        envelope.put("type", "oms.OrderShipped");
        assertFalse(Schemas.validate(Schemas.ENVELOPE, envelope).isEmpty());
    }

    @Test
    void envelopeRejectsAMissingSubject() {
        ObjectNode envelope = encoded(OrderShipped.class);
        envelope.remove("subject");
        assertFalse(Schemas.validate(Schemas.ENVELOPE, envelope).isEmpty());
    }

    private static void assertInvalid(Class<? extends OmsEvent> type, Consumer<ObjectNode> change) {
        assertEquals(0, Schemas.validate(Schemas.fileOf(type), data(type)).size(), "the unchanged sample must pass");
        ObjectNode data = data(type);
        change.accept(data);
        assertFalse(Schemas.validate(Schemas.fileOf(type), data).isEmpty(), () -> Schemas.fileOf(type) + " accepts " + data);
    }

    private static void assertValid(Class<? extends OmsEvent> type, Consumer<ObjectNode> change) {
        ObjectNode data = data(type);
        change.accept(data);
        assertEquals(Set.of(), Schemas.validate(Schemas.fileOf(type), data));
    }

    private static ObjectNode data(Class<? extends OmsEvent> type) {
        return (ObjectNode) encoded(type).get("data");
    }

    private static ObjectNode encoded(Class<? extends OmsEvent> type) {
        try {
            return (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(SampleEvents.envelope(SampleEvents.full(type))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode total(ObjectNode data) {
        return (ObjectNode) data.get("total");
    }

    private static ObjectNode firstLine(JsonNode data) {
        return (ObjectNode) data.get("lines").get(0);
    }
}
