package dev.oms.imports.domain;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Streams the records of a UTF-8 CSV file one at a time (RFC 4180 quoting, optional BOM, blank lines skipped).
 * Rows of any width are returned as they are: the row parser reports a wrong width as a row error instead of
 * stopping the file. Only text that is not CSV at all (e.g. text after a closing quote) ends the import.
 */
public final class CsvRowReader implements Closeable {

    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;

    private CsvRowReader(CsvReader<CsvRecord> reader) {
        this.reader = reader;
        this.records = reader.iterator();
    }

    public static CsvRowReader open(Path file) throws IOException {
        return new CsvRowReader(builder().ofCsvRecord(file, StandardCharsets.UTF_8));
    }

    public static CsvRowReader of(Reader text) {
        return new CsvRowReader(builder().ofCsvRecord(text));
    }

    /** The next record, or empty at the end of the file. */
    public Optional<CsvRow> next() {
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CsvRecord record = records.next();
            return Optional.of(new CsvRow(record.getStartingLineNumber(), record.getFields()));
        } catch (CsvParseException e) {
            throw new CsvFormatException("the file is not valid CSV: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static CsvReader.CsvReaderBuilder builder() {
        return CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true);
    }
}
