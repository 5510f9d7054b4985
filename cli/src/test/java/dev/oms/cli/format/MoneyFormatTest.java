package dev.oms.cli.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MoneyFormatTest {

    @Test
    void formatsMinorUnitsExactlyWithTwoDigits() {
        assertEquals("$0.00", MoneyFormat.format(0, "USD"));
        assertEquals("$0.01", MoneyFormat.format(1, "USD"));
        assertEquals("$0.99", MoneyFormat.format(99, "USD"));
        assertEquals("$1.00", MoneyFormat.format(100, "USD"));
        assertEquals("$999.99", MoneyFormat.format(99_999, "USD"));
        assertEquals("$1,000.00", MoneyFormat.format(100_000, "USD"));
        assertEquals("$1,234,567.89", MoneyFormat.format(123_456_789, "USD"));
    }

    @Test
    void putsTheSignBeforeTheSymbol() {
        assertEquals("-$0.01", MoneyFormat.format(-1, "USD"));
        assertEquals("-$1,234.56", MoneyFormat.format(-123_456, "USD"));
    }

    @Test
    void isExactAtTheEndsOfLong() {
        assertEquals("$92,233,720,368,547,758.07", MoneyFormat.format(Long.MAX_VALUE, "USD"));
        assertEquals("-$92,233,720,368,547,758.08", MoneyFormat.format(Long.MIN_VALUE, "USD"));
    }

    @Test
    void usesTheCodeForCurrenciesWithoutAKnownSymbol() {
        assertEquals("€12.50", MoneyFormat.format(1_250, "EUR"));
        assertEquals("CHF 1,000.05", MoneyFormat.format(100_005, "CHF"));
    }

    @Test
    void plainDecimalHasNoSymbolAndNoGrouping() {
        assertEquals("0.05", MoneyFormat.plainDecimal(5));
        assertEquals("12.99", MoneyFormat.plainDecimal(1_299));
        assertEquals("123456.00", MoneyFormat.plainDecimal(12_345_600));
        assertEquals("-0.10", MoneyFormat.plainDecimal(-10));
    }
}
