package dev.oms.system;

import org.awaitility.core.ConditionTimeoutException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The invariants a test checks after a run: each is printed with its figures as it is checked, and the test fails
 * at the end naming every broken one, so one broken invariant does not hide the figures of the others.
 */
final class Invariants {

    private static final int VIOLATIONS_SHOWN = 10;

    private final List<String> broken = new ArrayList<>();

    /** Records one invariant: it holds when {@code violations} is empty. */
    void check(String invariant, String figures, List<String> violations) {
        if (violations.isEmpty()) {
            System.out.println("  ok      " + invariant + ": " + figures);
            return;
        }
        String shown = String.join("\n            ", violations.subList(0, Math.min(VIOLATIONS_SHOWN, violations.size())));
        System.out.println("  BROKEN  " + invariant + ": " + figures + "; " + violations.size() + " violation(s):\n            " + shown);
        broken.add(invariant + " (" + violations.size() + " violation(s), first: " + violations.get(0) + ")");
    }

    /** Records an invariant checked by assertions elsewhere, or by waiting for them to pass. */
    void check(String invariant, Check check) {
        String figures;
        try {
            figures = check.figures();
        } catch (AssertionError | ConditionTimeoutException e) {
            check(invariant, "see below", List.of(e.getMessage()));
            return;
        }
        check(invariant, figures, List.of());
    }

    void assertAllHold() {
        if (!broken.isEmpty()) {
            fail(broken.size() + " invariant(s) broken:\n  " + String.join("\n  ", broken));
        }
    }

    /** A check that throws {@link AssertionError} when broken and returns its figures when it holds. */
    @FunctionalInterface
    interface Check {
        String figures();
    }
}
