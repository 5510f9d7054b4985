package dev.oms.imports.domain;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Streams the records of a UTF-8 CSV file one at a time (RFC 4180 quoting, optional BOM, CRLF or LF). Rows of any
 * width, blank ones included, are returned as they are: the row parsers report them as row errors instead of
 * stopping the file. Only text that is not CSV at all (e.g. text after a closing quote) ends the import.
 */
public final class CsvRowReader implements Closeable {

    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final ByteCount bytes;

    private CsvRowReader(CsvReader<CsvRecord> reader, ByteCount bytes) {
        this.reader = reader;
        this.records = reader.iterator();
        this.bytes = bytes;
    }

    public static CsvRowReader open(Path file) throws IOException {
        ByteCount counted = new ByteCount(Files.newInputStream(file));
        return new CsvRowReader(builder().ofCsvRecord(counted, StandardCharsets.UTF_8), counted);
    }

    public static CsvRowReader of(Reader text) {
        return new CsvRowReader(builder().ofCsvRecord(text), null);
    }

    /** Bytes of the file read so far (ahead of the rows returned by up to a buffer); 0 when reading text. */
    public long bytesRead() {
        return bytes == null ? 0 : bytes.count;
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
                .skipEmptyLines(false)
                .allowMissingFields(true)
                .allowExtraFields(true);
    }

    /** Counts the bytes the CSV reader takes from the file, for the job's ETA. */
    private static final class ByteCount extends FilterInputStream {

        private long count;

        ByteCount(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
