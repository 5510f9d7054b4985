package dev.oms.imports.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowReaderTest {

    @Test
    void reportsTheLineEachRecordStartsOnBlankLinesIncluded() throws IOException {
        try (CsvRowReader reader = CsvRowReader.of(new StringReader("a,b\r\n\n\"multi\nline\",x\nshort\n"))) {
            assertEquals(new CsvRow(1, List.of("a", "b")), reader.next().orElseThrow());
            CsvRow blank = reader.next().orElseThrow();
            assertEquals(2, blank.lineNumber());
            assertTrue(blank.blank());
            assertEquals(new CsvRow(3, List.of("multi\nline", "x")), reader.next().orElseThrow());
            assertEquals(new CsvRow(5, List.of("short")), reader.next().orElseThrow());
            assertTrue(reader.next().isEmpty());
        }
    }

    @Test
    void readsUtf8FilesWithAByteOrderMark(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFForder_id,customer_name\nA-1,Zoë\n").getBytes(StandardCharsets.UTF_8));
        try (CsvRowReader reader = CsvRowReader.open(file)) {
            assertEquals(List.of("order_id", "customer_name"), reader.next().orElseThrow().fields());
            assertEquals(List.of("A-1", "Zoë"), reader.next().orElseThrow().fields());
        }
    }

    @Test
    void textThatIsNotCsvFailsTheFile() throws IOException {
        try (CsvRowReader reader = CsvRowReader.of(new StringReader("a,b\n\"quoted\"junk,x\n"))) {
            reader.next();
            assertThrows(CsvFormatException.class, reader::next);
        }
    }

    @Test
    void rawLinesAreWrittenBackAsCsv() {
        assertEquals("A-1,\"Plate, large\",\"say \"\"hi\"\"\",x", CsvText.line(List.of("A-1", "Plate, large", "say \"hi\"", "x")));
        String longLine = CsvText.line(List.of("y".repeat(5000)));
        assertEquals(CsvText.MAX_LENGTH + 1, longLine.length());
    }
}
