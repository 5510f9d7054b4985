package dev.oms.cli.command;

import dev.oms.cli.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;


@Command(name = "errors", mixinStandardHelpOptions = true,
        description = {"Print the rejected rows of an import as CSV: line number, column, reason and the original line.",
                "e.g. oms imports errors ID > rejected.csv"})
public class ImportsErrorsCommand extends ServiceCommand {

    @Parameters(paramLabel = "ID", description = "the import id")
    private String importId;

    @Override
    public Integer call() {
        // Streamed: the CSV is meant to be redirected to a file, and may be large.
        client(Service.IMPORT).download("/imports/" + importId + "/errors.csv", "text/csv", out());
        return 0;
    }
}
