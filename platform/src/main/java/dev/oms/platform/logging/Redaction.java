package dev.oms.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what a log line must never carry: bearer tokens (JWTs), card-like numbers and full email addresses.
 * An email keeps its first character and its domain ({@code a***@example.com}), enough to tell customers apart
 * while reading a log; a card-like number (13 to 19 digits passing the Luhn check) keeps its last four digits.
 */
public final class Redaction {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    // 13 to 19 digits, optionally grouped by spaces or dashes, not part of a longer number or of a UUID.
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}(\\d{4})(?![\\d-])");

    private Redaction() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = JWT.matcher(text).replaceAll("[token]");
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL.matcher(masked).replaceAll("$1***@$2");
        }
        Matcher card = CARD.matcher(masked);
        return card.find() ? card.replaceAll(match -> luhnValid(match.group()) ? "****" + match.group(1)
                : Matcher.quoteReplacement(match.group())) : masked;
    }

    private static boolean luhnValid(String groupedDigits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = groupedDigits.length() - 1; i >= 0; i--) {
            char c = groupedDigits.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
