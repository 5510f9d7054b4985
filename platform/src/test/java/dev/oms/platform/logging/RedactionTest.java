package dev.oms.platform.logging;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionTest {

    @Test
    void emailsKeepTheirFirstCharacterAndDomain() {
        assertEquals("Order for a***@example.com and B***@shop.co.uk",
                Redaction.mask("Order for ann.lee+vip@example.com and Bob@shop.co.uk"));
    }

    @Test
    void cardLikeNumbersKeepTheirLastFourDigits() {
        assertEquals("card ****1111, spaced ****4242, dashed ****0004",
                Redaction.mask("card 4111111111111111, spaced 4242 4242 4242 4242, dashed 5555-5555-5555-0004"));
    }

    @Test
    void bearerTokensAreRemoved() {
        assertEquals("Authorization: Bearer [token]",
                Redaction.mask("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
    }

    @Test
    void idsAmountsAndOffsetsAreLeftAlone() {
        String line = "Order 3f2b9c1e-1234-4a5b-9c8d-0123456789ab paid 1234567 cents at offset 98765432101; "
                + "topic oms.order-events-2@17, epoch 1733000000001";
        assertEquals(line, Redaction.mask(line));
    }

    @Test
    void theFilterRewritesFormattedMessages() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Refund for %s", ExtLogRecord.FormatStyle.PRINTF,
                RedactingLogFilter.class.getName());
        record.setParameters(new Object[] {"carol@example.org"});

        assertTrue(new RedactingLogFilter().isLoggable(record));
        assertEquals("Refund for c***@example.org", record.getFormattedMessage());
    }
}
