package dev.oms.cli.format;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A status line that is rewritten in place on a terminal. When the output is a file or a pipe, carriage returns
 * would pile up as garbage, so it prints a new line instead, only when the text changed and at most every few
 * seconds. Closing it ends a line left open, so an error message that follows starts on a line of its own.
 */
public final class ProgressLine implements AutoCloseable {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean interactive;
    private final long minimumIntervalNanos;
    private final LongSupplier nanoTime;
    private String shown = "";
    private long shownAt;
    private boolean anyShown;
    private boolean lineOpen;

    public ProgressLine(PrintWriter out, boolean interactive, Duration minimumInterval, LongSupplier nanoTime) {
        this.out = out;
        this.interactive = interactive;
        this.minimumIntervalNanos = minimumInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** On the console when there is one (stdin and stdout are a terminal), else throttled to one line per 5 s. */
    public static ProgressLine forConsole(PrintWriter out) {
        return new ProgressLine(out, System.console() != null, Duration.ofSeconds(5), System::nanoTime);
    }

    public void update(String text) {
        if (interactive) {
            overwrite(text);
            return;
        }
        long now = nanoTime.getAsLong();
        if (text.equals(shown) || (anyShown && now - shownAt < minimumIntervalNanos)) {
            return;
        }
        out.println(text);
        out.flush();
        shown = text;
        shownAt = now;
        anyShown = true;
    }

    /** Shows the final text and ends the line, so what follows starts on a line of its own. */
    public void finish(String text) {
        if (interactive) {
            overwrite(text);
            out.println();
            lineOpen = false;
        } else if (!text.equals(shown)) {
            out.println(text);
        }
        out.flush();
        shown = text;
        anyShown = true;
    }

    @Override
    public void close() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    /** e.g. {@code [##########--------------]  42%}; an unknown or zero total shows an empty bar. */
    public static String bar(long done, long total) {
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        int filled = percent * BAR_WIDTH / 100;
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + String.format(Locale.ROOT, "%3d%%", percent);
    }

    private void overwrite(String text) {
        // Pad with spaces so a shorter text fully covers the longer one before it.
        String padding = " ".repeat(Math.max(0, shown.length() - text.length()));
        out.print("\r" + text + padding);
        out.flush();
        shown = text;
        anyShown = true;
        lineOpen = true;
    }
}
