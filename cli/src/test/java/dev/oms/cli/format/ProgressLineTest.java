package dev.oms.cli.format;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLineTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private ProgressLine line(boolean interactive) {
        return new ProgressLine(new PrintWriter(text), interactive, Duration.ofSeconds(5), now::get);
    }

    @Test
    void rewritesTheLineInPlaceOnATerminalAndCoversLongerText() {
        ProgressLine progress = line(true);
        progress.update("10 rows read");
        progress.update("9 rows");
        progress.finish("done");
        assertEquals("\r10 rows read\r9 rows      \rdone  \n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void printsChangedTextAtMostOncePerIntervalWhenNotATerminal() {
        ProgressLine progress = line(false);
        progress.update("a");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        progress.update("b");
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        progress.update("c");
        progress.update("c");
        progress.finish("done");
        assertEquals("a\nc\ndone\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void finishDoesNotRepeatTheLastLineWhenNotATerminal() {
        ProgressLine progress = line(false);
        progress.update("done");
        progress.finish("done");
        assertEquals("done\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void closingEndsALineLeftOpenSoAnErrorStartsOnItsOwnLine() {
        try (ProgressLine progress = line(true)) {
            progress.update("working");
        }
        assertEquals("\rworking\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void closingAfterFinishAddsNothing() {
        try (ProgressLine progress = line(true)) {
            progress.finish("done");
        }
        assertEquals("\rdone\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void barShowsThePercentage() {
        assertEquals("[------------------------]   0%", ProgressLine.bar(0, 10));
        assertEquals("[############------------]  50%", ProgressLine.bar(5, 10));
        assertEquals("[########################] 100%", ProgressLine.bar(10, 10));
        assertEquals("[########################] 100%", ProgressLine.bar(11, 10));
        assertEquals("[------------------------]   0%", ProgressLine.bar(3, 0));
    }
}
