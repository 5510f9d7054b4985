package dev.oms.cli.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.oms.cli.CliException;
import dev.oms.cli.api.ProductInput;
import dev.oms.cli.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a product catalog file for {@code oms products load}: either CSV with the header
 * {@code sku,name,unit_price,on_hand[,currency]} (decimal prices, columns in any order) or a JSON array of
 * {@code {"sku","name","unitPriceMinor","currency","onHand"}} objects. Every invalid entry is reported, with
 * its line (CSV) or position (JSON), before anything is sent.
 */
public final class ProductFileReader {

    public static final String DEFAULT_CURRENCY = "USD";
    private static final List<String> REQUIRED_COLUMNS = List.of("sku", "name", "unit_price", "on_hand");
    private static final int ERRORS_SHOWN = 20;

    private ProductFileReader() {
    }

    public static List<ProductInput> read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        List<Entry> entries = content.stripLeading().startsWith("[")
                ? readJson(content, file, errors)
                : readCsv(content, errors);
        checkUniqueSkus(entries, errors);
        if (!errors.isEmpty()) {
            throw new CliException(describe(file, errors));
        }
        if (entries.isEmpty()) {
            throw new CliException(file + " has no products");
        }
        return entries.stream().map(Entry::product).toList();
    }

    /** A product and where it came from in the file, for error messages. */
    private record Entry(String location, ProductInput product) {
    }

    private static List<Entry> readCsv(String content, List<String> errors) {
        List<Entry> entries = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(true).ofCsvRecord(content)) {
            Map<String, Integer> columns = null;
            for (CsvRecord record : reader) {
                if (columns == null) {
                    columns = header(record);
                    continue;
                }
                String location = "line " + record.getStartingLineNumber();
                List<String> rowErrors = new ArrayList<>();
                String sku = required(record, columns, "sku", location, rowErrors);
                String name = required(record, columns, "name", location, rowErrors);
                long price = parse(record, columns, "unit_price", location, rowErrors, DecimalPrice::parseMinor);
                long onHand = parse(record, columns, "on_hand", location, rowErrors, ProductFileReader::parseCount);
                String currency = columns.containsKey("currency") ? cell(record, columns.get("currency")) : "";
                if (rowErrors.isEmpty()) {
                    entries.add(new Entry(location, new ProductInput(sku, name, price,
                            currency.isEmpty() ? DEFAULT_CURRENCY : currency.toUpperCase(Locale.ROOT), onHand)));
                }
                errors.addAll(rowErrors);
            }
            if (columns == null) {
                throw new CliException("the product file is empty: expected the header " + String.join(",", REQUIRED_COLUMNS));
            }
        } catch (CsvParseException e) {
            throw new CliException("the product CSV cannot be parsed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Map<String, Integer> header(CsvRecord record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            columns.put(record.getField(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new CliException("the product CSV header lacks " + String.join(", ", missing)
                    + ": expected sku,name,unit_price,on_hand[,currency], got " + String.join(",", record.getFields()));
        }
        return columns;
    }

    private static String cell(CsvRecord record, int index) {
        return index < record.getFieldCount() ? record.getField(index).trim() : "";
    }

    private static String required(CsvRecord record, Map<String, Integer> columns, String column, String location,
                                   List<String> errors) {
        String value = cell(record, columns.get(column));
        if (value.isEmpty()) {
            errors.add(location + ", " + column + ": is empty");
        }
        return value;
    }

    private interface Parser {
        long parse(String text);
    }

    private static long parse(CsvRecord record, Map<String, Integer> columns, String column, String location,
                              List<String> errors, Parser parser) {
        try {
            return parser.parse(cell(record, columns.get(column)));
        } catch (IllegalArgumentException e) {
            errors.add(location + ", " + column + ": " + e.getMessage());
            return 0;
        }
    }

    private static long parseCount(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        try {
            long count = Long.parseLong(text);
            if (count < 0) {
                throw new IllegalArgumentException("'" + text + "' is negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    /** The JSON form, with boxed numbers so that a missing field is reported rather than read as 0. */
    private record JsonProduct(String sku, String name, Long unitPriceMinor, String currency, Long onHand) {
    }

    private static List<Entry> readJson(String content, Path file, List<String> errors) {
        List<JsonProduct> products;
        try {
            products = Json.mapper().readValue(content, new TypeReference<List<JsonProduct>>() { });
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CliException(file + " is not a JSON array of products" + where + ": " + e.getOriginalMessage());
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            JsonProduct product = products.get(i);
            String location = "product [" + i + "]";
            if (product == null) {
                errors.add(location + ": is null");
                continue;
            }
            List<String> productErrors = new ArrayList<>();
            requireText(product.sku(), location, "sku", productErrors);
            requireText(product.name(), location, "name", productErrors);
            requireNonNegative(product.unitPriceMinor(), location, "unitPriceMinor", productErrors);
            requireNonNegative(product.onHand(), location, "onHand", productErrors);
            if (productErrors.isEmpty()) {
                String currency = product.currency() == null || product.currency().isBlank()
                        ? DEFAULT_CURRENCY : product.currency().trim().toUpperCase(Locale.ROOT);
                entries.add(new Entry(location, new ProductInput(product.sku().trim(), product.name().trim(),
                        product.unitPriceMinor(), currency, product.onHand())));
            }
            errors.addAll(productErrors);
        }
        return entries;
    }

    private static void requireText(String value, String location, String field, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(location + ", " + field + ": is missing");
        }
    }

    private static void requireNonNegative(Long value, String location, String field, List<String> errors) {
        if (value == null) {
            errors.add(location + ", " + field + ": is missing");
        } else if (value < 0) {
            errors.add(location + ", " + field + ": " + value + " is negative");
        }
    }

    private static void checkUniqueSkus(List<Entry> entries, List<String> errors) {
        Map<String, String> firstLocation = new HashMap<>();
        for (Entry entry : entries) {
            String earlier = firstLocation.putIfAbsent(entry.product().sku(), entry.location());
            if (earlier != null) {
                errors.add(entry.location() + ", sku: '" + entry.product().sku() + "' already appears at " + earlier);
            }
        }
    }

    private static String describe(Path file, List<String> errors) {
        StringBuilder message = new StringBuilder(file + " has " + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "; nothing was loaded:");
        errors.stream().limit(ERRORS_SHOWN).forEach(error -> message.append("\n  ").append(error));
        if (errors.size() > ERRORS_SHOWN) {
            message.append("\n  … and ").append(errors.size() - ERRORS_SHOWN).append(" more");
        }
        return message.toString();
    }
}
