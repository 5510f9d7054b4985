package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Upload an order CSV file to import-service.",
                "Formats: canonical (order_id,customer_email,customer_name,sku,product_name,quantity,unit_price"
                        + "[,currency][,ordered_at]) and the formats import-service documents. "
                        + "A file imported before is not imported again: its earlier job is shown.",
                "Exit code 1 when the import FAILED (with --wait)."})
public class ImportCommand extends ServiceCommand {

    @Parameters(paramLabel = "FILE", description = "the CSV file")
    private Path file;

    @Option(names = "--wait", description = "follow the import until it is COMPLETED or FAILED, then print a summary")
    private boolean wait;

    @Override
    public Integer call() {
        ImportRunner runner = new ImportRunner(client(Service.IMPORT), out());
        ImportJob job = runner.upload(file);
        if (!wait) {
            out().println("Follow it with: " + client(Service.IMPORT).baseUrl() + "/imports/" + job.importId());
            return 0;
        }
        ImportJob finished = runner.await(job, 0, null);
        runner.printSummary(finished);
        return finished.isFailed() ? 1 : 0;
    }
}
