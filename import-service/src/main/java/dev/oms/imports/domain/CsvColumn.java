package dev.oms.imports.domain;

/** A column of one of the CSV formats. */
public interface CsvColumn {

    /** The name as written in the CSV header (lower case). */
    String header();

    /** Required columns must be in the header and their cells must not be blank. */
    boolean required();
}
