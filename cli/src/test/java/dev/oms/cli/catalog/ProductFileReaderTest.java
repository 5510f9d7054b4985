package dev.oms.cli.catalog;

import dev.oms.cli.CliException;
import dev.oms.cli.api.ProductInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductFileReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsCsvWithDecimalPricesQuotedNamesAndAnyColumnOrder() throws IOException {
        Path file = write("products.csv", """
                Name,SKU,on_hand,unit_price,currency
                "Cable, 2 m",CB-1,10,12.99,
                Keyboard,KB-1,0,129,eur

                """);
        assertEquals(List.of(
                new ProductInput("CB-1", "Cable, 2 m", 1_299, "USD", 10),
                new ProductInput("KB-1", "Keyboard", 12_900, "EUR", 0)), ProductFileReader.read(file));
    }

    @Test
    void reportsEveryInvalidCsvRowWithItsLineAndColumn() throws IOException {
        Path file = write("products.csv", """
                sku,name,unit_price,on_hand
                A,Ok,1.00,1
                B,,12.999,-2
                A,Again,1.00,1
                """);
        CliException failure = assertThrows(CliException.class, () -> ProductFileReader.read(file));
        String message = failure.getMessage();
        assertTrue(message.contains("4 errors; nothing was loaded"), message);
        assertTrue(message.contains("line 3, name: is empty"), message);
        assertTrue(message.contains("line 3, unit_price: '12.999' has more than 2 decimal digits"), message);
        assertTrue(message.contains("line 3, on_hand: '-2' is negative"), message);
        assertTrue(message.contains("line 4, sku: 'A' already appears at line 2"), message);
    }

    @Test
    void namesTheMissingHeaderColumns() throws IOException {
        Path file = write("products.csv", "sku,title,price\nA,B,1\n");
        CliException failure = assertThrows(CliException.class, () -> ProductFileReader.read(file));
        assertTrue(failure.getMessage().contains("lacks name, unit_price, on_hand"), failure.getMessage());
    }

    @Test
    void readsAJsonArrayInTheBulkApiShape() throws IOException {
        Path file = write("products.json", """
                [ {"sku": "A", "name": "Alpha", "unitPriceMinor": 150, "onHand": 3},
                  {"sku": "B", "name": "Beta", "unitPriceMinor": 0, "currency": "gbp", "onHand": 0} ]
                """);
        assertEquals(List.of(
                new ProductInput("A", "Alpha", 150, "USD", 3),
                new ProductInput("B", "Beta", 0, "GBP", 0)), ProductFileReader.read(file));
    }

    @Test
    void reportsMissingJsonFieldsRatherThanReadingThemAsZero() throws IOException {
        Path file = write("products.json", "[{\"sku\": \"A\", \"name\": \"Alpha\"}]");
        CliException failure = assertThrows(CliException.class, () -> ProductFileReader.read(file));
        assertTrue(failure.getMessage().contains("product [0], unitPriceMinor: is missing"), failure.getMessage());
        assertTrue(failure.getMessage().contains("product [0], onHand: is missing"), failure.getMessage());
    }

    @Test
    void rejectsFractionalMinorUnitsInJson() throws IOException {
        Path file = write("products.json", "[{\"sku\": \"A\", \"name\": \"Alpha\", \"unitPriceMinor\": 1.5, \"onHand\": 1}]");
        CliException failure = assertThrows(CliException.class, () -> ProductFileReader.read(file));
        assertTrue(failure.getMessage().contains("is not a JSON array of products at line 1"), failure.getMessage());
    }

    @Test
    void saysWhenTheFileDoesNotExistOrIsEmpty() throws IOException {
        CliException missing = assertThrows(CliException.class,
                () -> ProductFileReader.read(directory.resolve("missing.csv")));
        assertTrue(missing.getMessage().endsWith("missing.csv: no such file"), missing.getMessage());
        Path headerOnly = write("empty.csv", "sku,name,unit_price,on_hand\n");
        assertThrows(CliException.class, () -> ProductFileReader.read(headerOnly));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
