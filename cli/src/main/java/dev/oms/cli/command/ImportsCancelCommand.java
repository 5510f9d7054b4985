package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Map;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Stop a running import. What it published stays; importing the same file again resumes it."})
public class ImportsCancelCommand extends ServiceCommand {

    @Parameters(paramLabel = "ID", description = "the import id")
    private String importId;

    @Override
    public Integer call() {
        ImportJob job = client(Service.IMPORT).postJson("/imports/" + importId + "/cancel", Map.of(), ImportJob.class);
        out().println("Import " + job.importId() + " is stopping; it ends CANCELLED (follow it with: oms imports)");
        return 0;
    }
}
