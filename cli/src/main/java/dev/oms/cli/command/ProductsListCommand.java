package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.Service;
import dev.oms.cli.api.Page;
import dev.oms.cli.api.Product;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List products with their price and stock.")
public class ProductsListCommand extends ServiceCommand {

    @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "page number, from 0 (default: ${DEFAULT-VALUE})")
    private int page;

    @Option(names = "--size", paramLabel = "N", defaultValue = "50", description = "products per page (default: ${DEFAULT-VALUE})")
    private int size;

    @Override
    public Integer call() {
        Page<Product> products = client(Service.ORDER).get(
                Query.create().add("page", page).add("size", size).appendTo("/products"),
                new TypeReference<Page<Product>>() { });
        Table table = Table.of(Column.left("SKU"), Column.left("NAME"), Column.right("PRICE"),
                Column.right("ON HAND"), Column.right("RESERVED"), Column.right("AVAILABLE"));
        for (Product product : products.items()) {
            table.row(product.sku(), product.name(), Cells.money(product.unitPrice()), Cells.count(product.onHand()),
                    Cells.count(product.reserved()), Cells.count(product.available()));
        }
        out().print(table.render());
        out().println(Paging.footer(products, "products"));
        return 0;
    }
}
