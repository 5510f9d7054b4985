package dev.oms.imports.service;

import dev.oms.imports.domain.CsvText;
import dev.oms.imports.domain.ImportRowError;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;

/**
 * The rejected rows of an import as CSV ({@code line_number,column,reason,original_line}) in line order, read
 * from the database a page at a time by key, so a report of millions of rows streams in constant memory.
 */
@ApplicationScoped
public class RejectedRowsCsv {

    static final String HEADER = "line_number,column,reason,original_line\n";
    private static final int PAGE = 1000;

    private final ImportJobStore jobs;

    public RejectedRowsCsv(ImportJobStore jobs) {
        this.jobs = jobs;
    }

    public void write(UUID jobId, Writer out) throws IOException {
        out.write(HEADER);
        long line = 0;
        long seq = -1;
        for (List<ImportRowError> page = jobs.errorsAfter(jobId, line, seq, PAGE); !page.isEmpty();
             page = jobs.errorsAfter(jobId, line, seq, PAGE)) {
            for (ImportRowError error : page) {
                out.write(CsvText.record(List.of(String.valueOf(error.lineNumber),
                        error.columnName == null ? "" : error.columnName, error.reason,
                        error.rawLine == null ? "" : error.rawLine)));
                out.write('\n');
                line = error.lineNumber;
                seq = error.seq;
            }
        }
        out.flush();
    }
}
