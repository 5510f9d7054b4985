package dev.oms.imports.domain;

import java.util.List;
import java.util.Optional;

/** Turns the data rows of one CSV format into orders while the file streams past. */
public interface OrderRows {

    /** The format's name as shown on the job: canonical, items-json or line. */
    String format();

    /** Takes the next data row; returns the orders it completed, in file order (usually none or one). */
    List<AssembledOrder> accept(CsvRow row);

    /** Completes the last order at the end of the file. */
    Optional<AssembledOrder> finish();

    /** What the user should know about the whole file once it is read, e.g. defaults that were applied. */
    default List<String> notes() {
        return List.of();
    }
}
