package dev.oms.imports.domain;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A CSV file of orders read in one pass: the header picks the format ({@link OrderFormats}), then each data row
 * gives the orders it completes. Blank lines are reported as rejected rows and do not break an order's rows.
 */
public final class OrderFile implements Closeable {

    private final CsvRowReader reader;
    private final OrderRows rows;
    private long rowsRead;
    private boolean ended;

    private OrderFile(CsvRowReader reader, OrderRows rows) {
        this.reader = reader;
        this.rows = rows;
    }

    /** Reads the header; throws {@link CsvFormatException} if there is none or it fits no format. */
    public static OrderFile open(CsvRowReader reader, ShopCurrency currency, UUID importJobId, LocalDate importDay) {
        Optional<CsvRow> header = reader.next();
        while (header.isPresent() && header.get().blank()) {
            header = reader.next();
        }
        CsvRow names = header.orElseThrow(() -> new CsvFormatException("the file is empty"));
        return new OrderFile(reader, OrderFormats.forHeader(names.fields(), currency, importJobId, importDay));
    }

    /**
     * Reads the next data row and returns the orders it completed, in file order (usually none or one); at the end
     * of the file returns the last order, then null.
     */
    public List<AssembledOrder> next() {
        if (ended) {
            return null;
        }
        Optional<CsvRow> next = reader.next();
        if (next.isEmpty()) {
            ended = true;
            return rows.finish().map(List::of).orElseGet(List::of);
        }
        rowsRead++;
        CsvRow row = next.get();
        if (row.blank()) {
            return List.of(new RejectedOrder(null, 1, List.of(new RowError(row.lineNumber(), null, "is blank", ""))));
        }
        return rows.accept(row);
    }

    /** canonical, items-json or line. */
    public String format() {
        return rows.format();
    }

    public List<String> notes() {
        return rows.notes();
    }

    /** Data rows read so far, blank ones included. */
    public long rowsRead() {
        return rowsRead;
    }

    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
