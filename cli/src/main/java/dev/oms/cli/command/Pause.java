package dev.oms.cli.command;

import dev.oms.cli.CliException;

import java.time.Duration;

/** Waiting between polls; Ctrl-C or an interrupt ends the command cleanly. */
final class Pause {

    private Pause() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
