package dev.oms.notification.domain;

import dev.oms.events.Money;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MoneyTextTest {

    @Test
    void amountsReadAsTheCurrencyWritesThem() {
        assertEquals("USD 129.99", MoneyText.format(new Money(12_999, "USD")));
        assertEquals("USD 0.05", MoneyText.format(new Money(5, "USD")));
        assertEquals("USD 1,234,567.00", MoneyText.format(new Money(123_456_700, "USD")));
        assertEquals("JPY 1,500", MoneyText.format(new Money(1_500, "JPY")));
        assertEquals("USD 92,233,720,368,547,758.07", MoneyText.format(new Money(Long.MAX_VALUE, "USD")));
        assertNull(MoneyText.format(null));
    }
}
