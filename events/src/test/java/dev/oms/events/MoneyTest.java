package dev.oms.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "USDX", "", "U$D", " USD"})
    void rejectsACurrencyThatIsNotAnIso4217Code(String currency) {
        assertThrows(IllegalArgumentException.class, () -> new Money(100, currency));
    }

    @Test
    void rejectsAMissingCurrency() {
        assertThrows(NullPointerException.class, () -> new Money(100, null));
    }

    @Test
    void addsSubtractsAndMultipliesInMinorUnits() {
        Money mug = new Money(1299, "USD");
        assertEquals(new Money(5097, "USD"), mug.times(2).plus(new Money(2499, "USD")));
        assertEquals(new Money(1200, "USD"), mug.minus(new Money(99, "USD")));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> new Money(100, "USD").plus(new Money(100, "EUR")));
    }

    @Test
    void refusesToOverflow() {
        assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE, "USD").plus(new Money(1, "USD")));
    }
}
