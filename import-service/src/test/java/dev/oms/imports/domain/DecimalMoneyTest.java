package dev.oms.imports.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalMoneyTest {

    private static final ShopCurrency USD = ShopCurrency.of("USD");
    private static final ShopCurrency JPY = ShopCurrency.of("JPY");

    @ParameterizedTest
    @CsvSource({
            "12.99, 1299",
            "0.10, 10",
            "0.1, 10",
            "0.07, 7",
            "5, 500",
            "0, 0",
            "' 19.99 ', 1999",
            "12.500, 1250",
            "1000000.01, 100000001",
            // 0.29 * 100 is 28.999999999999996 in floating point: the classic lost cent.
            "0.29, 29",
            "1.15, 115"})
    void parsesUsdExactly(String text, long expected) {
        assertEquals(expected, DecimalMoney.toMinorUnits(text, USD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.999", "1.005", "0.001", "0.0010"})
    void refusesMorePlacesThanTheCurrencyHasInsteadOfRounding(String text) {
        InvalidCellException e = assertThrows(InvalidCellException.class, () -> DecimalMoney.toMinorUnits(text, USD));
        assertTrue(e.getMessage().contains("more than 2 decimal place"), e.getMessage());
    }

    @Test
    void followsTheCurrencyDigits() {
        assertEquals(1500, DecimalMoney.toMinorUnits("1500", JPY));
        assertEquals(1500, DecimalMoney.toMinorUnits("1500.0", JPY));
        assertThrows(InvalidCellException.class, () -> DecimalMoney.toMinorUnits("1500.5", JPY));
    }

    @Test
    void refusesNegativeAmounts() {
        InvalidCellException e = assertThrows(InvalidCellException.class, () -> DecimalMoney.toMinorUnits("-1.00", USD));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e3", "1,299.00", "$5", "12.", ".5", "+5", "1 000", "NaN", "0x10", ""})
    void refusesAnythingButPlainDecimals(String text) {
        InvalidCellException e = assertThrows(InvalidCellException.class, () -> DecimalMoney.toMinorUnits(text, USD));
        assertTrue(e.getMessage().contains("decimal number"), e.getMessage());
    }

    @Test
    void refusesAmountsBeyondLongMinorUnits() {
        assertEquals(Long.MAX_VALUE, DecimalMoney.toMinorUnits("92233720368547758.07", USD));
        InvalidCellException e = assertThrows(InvalidCellException.class,
                () -> DecimalMoney.toMinorUnits("92233720368547758.08", USD));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void shopCurrencyIsCheckedAndNormalized() {
        assertEquals(new ShopCurrency("EUR", 2), ShopCurrency.of(" eur "));
        assertThrows(IllegalArgumentException.class, () -> ShopCurrency.of("DOLLARS"));
        assertTrue(USD.matches("usd"));
    }
}
