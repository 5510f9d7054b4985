package dev.oms.cli.api;

import java.util.List;

/** One page of a paged listing; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public List<T> items() {
        return items == null ? List.of() : items;
    }
}
