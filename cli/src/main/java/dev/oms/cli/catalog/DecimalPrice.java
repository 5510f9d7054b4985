package dev.oms.cli.catalog;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parses a decimal price such as {@code 12.99} exactly into minor units (two decimal digits). */
public final class DecimalPrice {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final int MINOR_DIGITS = 2;

    private DecimalPrice() {
    }

    /** @throws IllegalArgumentException with a reason fit for an error message */
    public static long parseMinor(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (!PLAIN_DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a non-negative decimal number such as 12.99");
        }
        BigDecimal price = new BigDecimal(trimmed);
        if (price.scale() > MINOR_DIGITS) {
            throw new IllegalArgumentException("'" + trimmed + "' has more than " + MINOR_DIGITS + " decimal digits");
        }
        try {
            return price.movePointRight(MINOR_DIGITS).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is too large");
        }
    }
}
