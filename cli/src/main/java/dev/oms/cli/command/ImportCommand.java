package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Upload an order CSV file to import-service.",
                "Formats, told apart by the header: canonical (order_id,customer_email,customer_name,sku,product_name,"
                        + "quantity,unit_price[,currency][,ordered_at]), items JSON (customer_email,customer_name,"
                        + "order_number,total_amount,items) and line (customer_email,customer_name,product_name,"
                        + "product_price,quantity[,order_date]). "
                        + "A file imported before is not imported again: its earlier job is shown.",
                "Exit code 1 when the import FAILED or was CANCELLED (with --wait)."})
public class ImportCommand extends ServiceCommand {

    @Parameters(paramLabel = "FILE", description = "the CSV file")
    private Path file;

    @Option(names = "--wait", description = "follow the import with a progress bar until it ends, then print a summary")
    private boolean wait;

    @Option(names = "--dry-run", description = "only validate the file: nothing is published, and it can be imported later")
    private boolean dryRun;

    @Option(names = "--max-rejected-rows", paramLabel = "N",
            description = "rejected rows tolerated before the import fails (default: the service's setting)")
    private Long maxRejectedRows;

    @Override
    public Integer call() {
        ImportRunner runner = new ImportRunner(client(Service.IMPORT), out());
        ImportJob job = runner.upload(file, dryRun, maxRejectedRows);
        if (!wait) {
            out().println("Follow it with: " + client(Service.IMPORT).baseUrl() + "/imports/" + job.importId());
            return 0;
        }
        ImportJob finished = runner.await(job, 0, null);
        runner.printSummary(finished);
        return finished.isFailed() ? 1 : 0;
    }
}
