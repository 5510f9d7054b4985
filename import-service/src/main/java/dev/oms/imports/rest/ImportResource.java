package dev.oms.imports.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.imports.service.ImportJobStore;
import dev.oms.imports.service.ImportOptions;
import dev.oms.imports.service.ImportSubmissions;
import dev.oms.imports.service.ProgressFeed;
import dev.oms.imports.service.RejectedRowsCsv;
import dev.oms.imports.service.Submission;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import dev.oms.platform.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * CSV imports. A submission answers 202 with the new job as soon as the file is stored; the rows are read and
 * published in the background. Content imported before answers 200 with the original job and
 * {@code "duplicate": true}. Every submission takes {@code dryRun} (validate only) and {@code maxRejectedRows}.
 */
@RolesAllowed(Roles.ADMIN)
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "CSV files of orders turned into OrderRequested events")
public class ImportResource {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_ERRORS_PAGE_SIZE = 1000;
    private static final String TEXT_CSV = "text/csv";
    private static final String DRY_RUN_DOC = "Only validate the file: nothing is published, and the content can "
            + "still be imported later";
    private static final String MAX_REJECTED_DOC = "Rejected rows tolerated before the import fails "
            + "(default oms.imports.max-rejected-rows)";

    private final ImportSubmissions submissions;
    private final ImportJobStore jobs;
    private final ProgressFeed feed;
    private final RejectedRowsCsv rejectedRows;

    public ImportResource(ImportSubmissions submissions, ImportJobStore jobs, ProgressFeed feed,
                          RejectedRowsCsv rejectedRows) {
        this.submissions = submissions;
        this.jobs = jobs;
        this.feed = feed;
        this.rejectedRows = rejectedRows;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import an uploaded CSV file (multipart part 'file')")
    @APIResponse(responseCode = "202", description = "Import started; Location names the job",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "200", description = "This content was imported before: the original job, with duplicate=true",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "No 'file' part, or the file is empty")
    public Response upload(@RestForm("file") FileUpload file,
                           @Parameter(description = DRY_RUN_DOC) @RestQuery boolean dryRun,
                           @Parameter(description = MAX_REJECTED_DOC) @RestQuery @Min(0) Long maxRejectedRows) {
        if (file == null) {
            throw ProblemException.badRequest("file", "the multipart request needs a 'file' part with the CSV");
        }
        return submitted(submissions.uploaded(file.uploadedFile(), file.fileName(), "file",
                new ImportOptions(dryRun, maxRejectedRows)));
    }

    @POST
    @Consumes(TEXT_CSV)
    @Operation(summary = "Import the CSV sent as the request body")
    @APIResponse(responseCode = "202", description = "Import started; Location names the job",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "200", description = "This content was imported before: the original job, with duplicate=true",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is empty")
    public Response uploadCsv(InputStream body, @RestQuery("fileName") @Size(max = 255) String fileName,
                              @Parameter(description = DRY_RUN_DOC) @RestQuery boolean dryRun,
                              @Parameter(description = MAX_REJECTED_DOC) @RestQuery @Min(0) Long maxRejectedRows) {
        return submitted(submissions.upload(body, fileName, "body", new ImportOptions(dryRun, maxRejectedRows)));
    }

    @POST
    @Path("/from-path")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a file of the server's import directory (oms.imports.directory)")
    @APIResponse(responseCode = "202", description = "Import started; Location names the job",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "200", description = "This content was imported before: the original job, with duplicate=true",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "The path is missing, or resolves outside the import directory")
    @APIResponse(responseCode = "404", description = "No such file in the import directory")
    public Response fromPath(@Valid FromPathRequest request,
                             @Parameter(description = DRY_RUN_DOC) @RestQuery boolean dryRun,
                             @Parameter(description = MAX_REJECTED_DOC) @RestQuery @Min(0) Long maxRejectedRows) {
        if (request == null) {
            throw ProblemException.badRequest("path", "the body must be {\"path\": \"<file in the import directory>\"}");
        }
        return submitted(submissions.fromPath(request.path(), new ImportOptions(dryRun, maxRejectedRows)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such import")
    public ImportJobResponse get(@RestPath UUID id) {
        return ImportJobResponse.of(jobs.get(id));
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "The job as Server-Sent Events, twice a second until it ends (the last event is the ended job)")
    @APIResponse(responseCode = "404", description = "No such import")
    public Multi<ImportJobResponse> progress(@RestPath UUID id) {
        return feed.follow(id, ImportJobResponse::of);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Stop a PENDING or RUNNING import; what it published stays, a later submission of the file resumes it")
    @APIResponse(responseCode = "202", description = "The import is stopping; it ends CANCELLED",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such import")
    @APIResponse(responseCode = "409", description = "The import already ended")
    public Response cancel(@RestPath UUID id) {
        return Response.accepted(ImportJobResponse.of(submissions.cancel(id))).build();
    }

    @GET
    @Operation(summary = "Import jobs, newest first")
    public ImportJobPage list(@RestQuery @DefaultValue("0") int page, @RestQuery @DefaultValue("50") int size) {
        requirePage(page, size, MAX_PAGE_SIZE);
        ImportJobStore.JobPage found = jobs.list(page, size);
        return new ImportJobPage(found.jobs().stream().map(ImportJobResponse::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}/errors")
    @Operation(summary = "Why rows of an import were rejected, in line order")
    @APIResponse(responseCode = "404", description = "No such import")
    public List<RowErrorResponse> errors(@RestPath UUID id, @RestQuery @DefaultValue("0") int page,
                                         @RestQuery @DefaultValue("200") int size) {
        requirePage(page, size, MAX_ERRORS_PAGE_SIZE);
        return jobs.errors(id, page, size).stream().map(RowErrorResponse::of).toList();
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "The rejected rows as CSV, in line order: line number, column, reason and the original line")
    @APIResponse(responseCode = "404", description = "No such import")
    public Response errorsCsv(@RestPath UUID id) {
        jobs.get(id);
        StreamingOutput body = output -> rejectedRows.write(id,
                new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)));
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"rejected-rows-" + id + ".csv\"")
                .build();
    }

    private static Response submitted(Submission submission) {
        ImportJobResponse body = ImportJobResponse.of(submission.job(), submission.duplicate());
        if (submission.duplicate()) {
            return Response.ok(body).build();
        }
        return Response.accepted(body).location(URI.create("/imports/" + submission.job().id)).build();
    }

    private static void requirePage(int page, int size, int maxSize) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "page must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw ProblemException.badRequest("size", "size must be between 1 and " + maxSize);
        }
    }
}
