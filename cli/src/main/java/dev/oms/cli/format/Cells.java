package dev.oms.cli.format;

import dev.oms.events.Money;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How single values appear in tables and summaries; a missing value shows as "-". */
public final class Cells {

    private static final String MISSING = "-";

    private Cells() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? MISSING : value;
    }

    /** e.g. 1234567 → {@code 1,234,567}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String money(Money money) {
        return money == null ? MISSING : MoneyFormat.format(money.amountMinor(), money.currency());
    }

    /** To the second, in UTC: the services store and report UTC instants. */
    public static String instant(Instant instant) {
        return instant == null ? MISSING : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
