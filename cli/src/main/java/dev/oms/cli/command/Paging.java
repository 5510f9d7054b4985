package dev.oms.cli.command;

import dev.oms.cli.api.Page;
import dev.oms.cli.format.Cells;

/** The line under a paged listing. */
final class Paging {

    private Paging() {
    }

    /** e.g. {@code 51–100 of 1,234 orders (page 1, size 50)}. */
    static String footer(Page<?> page, String things) {
        if (page.items().isEmpty()) {
            return "No " + things + " on page " + page.page() + " (" + Cells.count(page.total()) + " in total)";
        }
        long first = (long) page.page() * page.size() + 1;
        long last = first + page.items().size() - 1;
        return Cells.count(first) + "–" + Cells.count(last) + " of " + Cells.count(page.total()) + " " + things
                + " (page " + page.page() + ", size " + page.size() + ")";
    }
}
