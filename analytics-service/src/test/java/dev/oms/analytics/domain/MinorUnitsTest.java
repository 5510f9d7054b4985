package dev.oms.analytics.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MinorUnitsTest {

    @Test
    void roundsHalvesUp() {
        assertEquals(2, MinorUnits.divideHalfUp(3, 2));
        assertEquals(3, MinorUnits.divideHalfUp(5, 2));
        assertEquals(1, MinorUnits.divideHalfUp(5, 4));
        assertEquals(2, MinorUnits.divideHalfUp(7, 4));
    }

    @Test
    void roundsBelowHalfDownAndAboveHalfUp() {
        assertEquals(100, MinorUnits.divideHalfUp(301, 3));
        assertEquals(101, MinorUnits.divideHalfUp(302, 3));
        assertEquals(0, MinorUnits.divideHalfUp(1, 3));
    }

    @Test
    void exactQuotientsStayExact() {
        assertEquals(100, MinorUnits.divideHalfUp(300, 3));
        assertEquals(0, MinorUnits.divideHalfUp(0, 7));
    }

    @Test
    void halvesOfNegativeAmountsGoAwayFromZero() {
        assertEquals(-2, MinorUnits.divideHalfUp(-3, 2));
        assertEquals(-1, MinorUnits.divideHalfUp(-4, 3));
        assertEquals(-2, MinorUnits.divideHalfUp(3, -2));
        assertEquals(2, MinorUnits.divideHalfUp(-3, -2));
    }

    @Test
    void largeAmountsDoNotOverflow() {
        assertEquals(Long.MAX_VALUE / 2 + 1, MinorUnits.divideHalfUp(Long.MAX_VALUE, 2));
        assertEquals(Long.MAX_VALUE, MinorUnits.divideHalfUp(Long.MAX_VALUE, 1));
    }

    @Test
    void refusesDivisionByZero() {
        assertThrows(ArithmeticException.class, () -> MinorUnits.divideHalfUp(1, 0));
    }
}
