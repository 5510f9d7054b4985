package dev.oms.notification.domain;

import dev.oms.events.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Money as a person reads it in a message, e.g. {@code USD 1,234.56}; exact for every amount (no floating point). */
public final class MoneyText {

    private MoneyText() {
    }

    public static String format(Money money) {
        if (money == null) {
            return null;
        }
        int digits = fractionDigits(money.currency());
        BigDecimal amount = BigDecimal.valueOf(money.amountMinor(), digits);
        return money.currency() + " " + String.format(Locale.ROOT, "%,." + digits + "f", amount);
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException e) {
            // Not an ISO currency the JDK knows: the shop's amounts are in cents unless told otherwise.
            return 2;
        }
    }
}
