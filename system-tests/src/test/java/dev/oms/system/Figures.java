package dev.oms.system;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Figures as the tests print them for people: counts with thousands separators, money in dollars. */
final class Figures {

    private Figures() {
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    static String money(long minor) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "$" + format.format(BigDecimal.valueOf(minor, 2));
    }
}
