package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.Service;
import dev.oms.cli.api.ImportJob;
import dev.oms.cli.api.Page;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "imports", mixinStandardHelpOptions = true,
        description = {"List imports, newest first.", "See also: oms imports errors ID, oms imports cancel ID."},
        subcommands = {ImportsErrorsCommand.class, ImportsCancelCommand.class})
public class ImportsCommand extends ServiceCommand {

    @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "page number, from 0 (default: ${DEFAULT-VALUE})")
    private int page;

    @Option(names = "--size", paramLabel = "N", defaultValue = "20", description = "imports per page (default: ${DEFAULT-VALUE})")
    private int size;

    @Override
    public Integer call() {
        String path = Query.create().add("page", page).add("size", size).appendTo("/imports");
        Page<ImportJob> imports = client(Service.IMPORT).get(path, new TypeReference<Page<ImportJob>>() { });
        Table table = Table.of(Column.left("IMPORT ID"), Column.left("FILE"), Column.left("STATUS"),
                Column.left("FORMAT"), Column.right("ROWS"), Column.right("PUBLISHED"), Column.right("REJECTED ROWS"),
                Column.right("ROWS/S"), Column.left("CREATED"));
        for (ImportJob job : imports.items()) {
            table.row(job.importId(), Cells.text(job.fileName()), job.dryRun() ? job.status() + " (dry run)" : job.status(),
                    Cells.text(job.format()), Cells.count(job.rowsRead()), Cells.count(job.ordersPublished()),
                    Cells.count(job.rowsRejected()), Cells.count(job.rowsPerSecond()), Cells.text(job.createdAt()));
        }
        out().print(table.render());
        out().println(Paging.footer(imports, "imports"));
        return 0;
    }
}
