package dev.oms.imports.domain;

import java.util.Currency;
import java.util.Locale;

/** The one currency the shop sells in, with the number of decimal places its amounts may have. */
public record ShopCurrency(String code, int fractionDigits) {

    public static ShopCurrency of(String code) {
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = Currency.getInstance(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code", e);
        }
        // Pseudo-currencies such as XAU report -1: they have no minor unit, so amounts are whole.
        return new ShopCurrency(normalized, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    public boolean matches(String code) {
        return this.code.equals(code.trim().toUpperCase(Locale.ROOT));
    }
}
