package dev.oms.cli.format;

import java.util.Map;

/**
 * Formats integer minor units as a decimal amount with two digits, by working on the digits of the integer,
 * so the text is exact for every long (no floating point, no rounding).
 */
public final class MoneyFormat {

    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£");

    private MoneyFormat() {
    }

    /** e.g. 123456 USD → {@code $1,234.56}, -5 USD → {@code -$0.05}, 100 CHF → {@code CHF 1.00}. */
    public static String format(long amountMinor, String currency) {
        String sign = amountMinor < 0 ? "-" : "";
        String symbol = SYMBOLS.getOrDefault(currency, currency + " ");
        String digits = padded(amountMinor);
        String units = digits.substring(0, digits.length() - 2);
        return sign + symbol + group(units) + "." + digits.substring(digits.length() - 2);
    }

    /** e.g. 1299 → {@code 12.99}: the plain decimal a CSV file carries. */
    public static String plainDecimal(long amountMinor) {
        String digits = padded(amountMinor);
        return (amountMinor < 0 ? "-" : "") + digits.substring(0, digits.length() - 2) + "."
                + digits.substring(digits.length() - 2);
    }

    /** The absolute value's digits, at least three of them; taken from the text so Long.MIN_VALUE works too. */
    private static String padded(long amountMinor) {
        String digits = Long.toString(amountMinor);
        if (digits.startsWith("-")) {
            digits = digits.substring(1);
        }
        return "0".repeat(Math.max(0, 3 - digits.length())) + digits;
    }

    private static String group(String digits) {
        StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3);
        int firstGroup = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, firstGroup);
        for (int i = firstGroup; i < digits.length(); i += 3) {
            grouped.append(',').append(digits, i, i + 3);
        }
        return grouped.toString();
    }
}
