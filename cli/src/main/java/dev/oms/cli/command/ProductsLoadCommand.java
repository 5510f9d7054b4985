package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.BulkProductsResult;
import dev.oms.cli.api.ProductInput;
import dev.oms.cli.catalog.ProductFileReader;
import dev.oms.cli.catalog.ProductLoader;
import dev.oms.cli.format.Cells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Create or update products from a file.",
                "CSV with the header sku,name,unit_price,on_hand[,currency] and decimal prices (e.g. 12.99), or a JSON "
                        + "array of {\"sku\",\"name\",\"unitPriceMinor\",\"currency\",\"onHand\"} objects. "
                        + "The currency defaults to USD. An invalid file loads nothing."})
public class ProductsLoadCommand extends ServiceCommand {

    @Parameters(paramLabel = "FILE", description = "the product file (.csv or .json)")
    private Path file;

    @Override
    public Integer call() {
        List<ProductInput> products = ProductFileReader.read(file);
        BulkProductsResult result = new ProductLoader(client(Service.ORDER)).load(products);
        out().println("Loaded " + Cells.count(products.size()) + " products from " + file + ": "
                + Cells.count(result.created()) + " created, " + Cells.count(result.updated()) + " updated");
        return 0;
    }
}
