package dev.oms.imports.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Turns a decimal price as written in a CSV file into integer minor units, exactly: no rounding ever happens.
 * A value with more significant decimal places than the currency has is refused rather than rounded; trailing
 * zeros are not significant ("12.500" is 1250 cents), because they change nothing about the amount.
 */
public final class DecimalMoney {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern NEGATIVE_DECIMAL = Pattern.compile("-[0-9]+(\\.[0-9]+)?");

    private DecimalMoney() {
    }

    /** Minor units of a non-negative amount; throws {@link InvalidCellException} with the reason otherwise. */
    public static long toMinorUnits(String text, ShopCurrency currency) {
        String value = text.trim();
        long plain = plainMinorUnits(value, currency.fractionDigits());
        if (plain >= 0) {
            return plain;
        }
        if (NEGATIVE_DECIMAL.matcher(value).matches()) {
            throw new InvalidCellException("must not be negative" + InvalidCellException.got(value));
        }
        // Only plain decimals: "1e3", "1,299.00" or "$5" are refused, not guessed at.
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw new InvalidCellException("must be a decimal number like 12.99" + InvalidCellException.got(value));
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.stripTrailingZeros().scale() > currency.fractionDigits()) {
            throw new InvalidCellException("has more than " + currency.fractionDigits() + " decimal place(s) for "
                    + currency.code() + InvalidCellException.got(value));
        }
        try {
            return amount.movePointRight(currency.fractionDigits()).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidCellException("is too large" + InvalidCellException.got(value));
        }
    }

    /** The amount as a plain decimal in major units, e.g. 1299 → "12.99". */
    public static String format(BigInteger minorUnits, ShopCurrency currency) {
        return new BigDecimal(minorUnits, currency.fractionDigits()).toPlainString();
    }

    /**
     * The usual price, e.g. {@code 12.99}: digits, at most one point, no more decimals than the currency has, and
     * short enough not to overflow, read without a regex or a BigDecimal. -1 for anything else, which the full
     * rules then check (and refuse or convert).
     */
    private static long plainMinorUnits(String value, int fractionDigits) {
        int point = value.indexOf('.');
        int integerDigits = point < 0 ? value.length() : point;
        int decimals = point < 0 ? 0 : value.length() - point - 1;
        if (integerDigits == 0 || integerDigits > 15 || decimals > fractionDigits || (point >= 0 && decimals == 0)) {
            return -1;
        }
        long minor = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (i == point) {
                continue;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            minor = minor * 10 + (c - '0');
        }
        for (int i = decimals; i < fractionDigits; i++) {
            minor *= 10;
        }
        return minor;
    }
}
