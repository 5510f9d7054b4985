package dev.oms.imports.domain;

import java.util.function.Function;

/**
 * Converts the cells of one column, remembering the last conversion: the rows of an order repeat its email and
 * date, and converting (a regex, a date parser) is much dearer than comparing the text. A cell that fails to
 * convert is not remembered, so it fails again on every row that has it.
 */
final class RepeatedCells<T> {

    private final Function<String, T> converter;
    private String lastText;
    private T lastValue;

    RepeatedCells(Function<String, T> converter) {
        this.converter = converter;
    }

    T convert(String text) {
        if (!text.equals(lastText)) {
            lastValue = converter.apply(text);
            lastText = text;
        }
        return lastValue;
    }
}
