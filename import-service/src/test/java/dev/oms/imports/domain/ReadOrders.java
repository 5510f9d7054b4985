package dev.oms.imports.domain;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a CSV text the way an import does (header → format → orders), for the domain tests. */
final class ReadOrders {

    static final UUID JOB = UUID.fromString("01890000-0000-7000-8000-000000000001");
    static final LocalDate IMPORT_DAY = LocalDate.parse("2026-12-01");

    private ReadOrders() {
    }

    static List<AssembledOrder> from(String csv) {
        try (OrderFile file = open(csv)) {
            return readAll(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrderFile open(String csv) {
        return OrderFile.open(CsvRowReader.of(new StringReader(csv)), ShopCurrency.of("USD"), JOB, IMPORT_DAY);
    }

    static List<AssembledOrder> readAll(OrderFile file) {
        List<AssembledOrder> orders = new ArrayList<>();
        for (List<AssembledOrder> next = file.next(); next != null; next = file.next()) {
            orders.addAll(next);
        }
        return orders;
    }

    /** The errors of every rejected group, in file order. */
    static List<RowError> errors(List<AssembledOrder> orders) {
        return orders.stream().filter(RejectedOrder.class::isInstance).map(RejectedOrder.class::cast)
                .flatMap(r -> r.errors().stream()).toList();
    }
}
