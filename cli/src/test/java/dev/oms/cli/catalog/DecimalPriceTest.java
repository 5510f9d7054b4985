package dev.oms.cli.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecimalPriceTest {

    @Test
    void parsesDecimalsExactly() {
        assertEquals(1_299, DecimalPrice.parseMinor("12.99"));
        assertEquals(1_290, DecimalPrice.parseMinor("12.9"));
        assertEquals(1_200, DecimalPrice.parseMinor("12"));
        assertEquals(1, DecimalPrice.parseMinor("0.01"));
        assertEquals(0, DecimalPrice.parseMinor(" 0.00 "));
        // 0.29 has no exact binary form: 0.29 * 100 is 28.999999999999996 in double arithmetic.
        assertEquals(29, DecimalPrice.parseMinor("0.29"));
        assertEquals(92_233_720_368_547_758_07L, DecimalPrice.parseMinor("92233720368547758.07"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12.999", "-1.00", "1e3", "$12.99", "12,99", "1.", ".5", "abc",
            "92233720368547758.08"})
    void rejectsAnythingElse(String text) {
        assertThrows(IllegalArgumentException.class, () -> DecimalPrice.parseMinor(text));
    }
}
