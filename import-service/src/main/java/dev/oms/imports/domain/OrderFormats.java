package dev.oms.imports.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Picks the format of a file from its header: {@code items} marks the Laravel items JSON format,
 * {@code product_price} the Laravel line format; anything else must be the canonical format.
 */
public final class OrderFormats {

    private OrderFormats() {
    }

    /** {@code importDay} dates the rows of the line format that have no date. */
    public static OrderRows forHeader(List<String> header, ShopCurrency currency, UUID importJobId, LocalDate importDay) {
        Set<String> names = header.stream().map(CsvHeader::normalize).collect(Collectors.toSet());
        if (names.contains(ItemsJsonColumn.ITEMS.header())) {
            return ItemsJsonOrders.forHeader(header, currency, importJobId);
        }
        if (names.contains(LineColumn.PRODUCT_PRICE.header())) {
            return new OrderAssembler("line", LineRowParser.forHeader(header, currency, importDay), currency, importJobId);
        }
        if (names.contains(CanonicalColumn.ORDER_ID.header()) || names.contains(CanonicalColumn.SKU.header())) {
            return new OrderAssembler("canonical", CanonicalRowParser.forHeader(header, currency), currency, importJobId);
        }
        throw new CsvFormatException("the header matches none of the import formats: canonical "
                + CsvHeader.expected(CanonicalColumn.class) + ", items JSON " + CsvHeader.expected(ItemsJsonColumn.class)
                + " or line " + CsvHeader.expected(LineColumn.class));
    }
}
