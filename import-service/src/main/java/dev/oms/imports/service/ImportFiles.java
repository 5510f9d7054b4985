package dev.oms.imports.service;

import dev.oms.imports.config.ImportConfig;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The files imports read: uploads staged in the work directory, and files of the import directory. */
@ApplicationScoped
public class ImportFiles {

    private static final Logger LOG = Logger.getLogger(ImportFiles.class);

    private final ImportConfig config;

    public ImportFiles(ImportConfig config) {
        this.config = config;
    }

    /** A staged upload with the SHA-256 (lower-case hex) of its content. */
    public record StagedFile(Path path, String sha256, long size) {
    }

    void createDirectories() {
        try {
            Files.createDirectories(config.directory());
            Files.createDirectories(config.workDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import directories", e);
        }
    }

    /** Copies the content into the work directory, hashing it on the way: one pass over the bytes. */
    public StagedFile stage(InputStream content) throws IOException {
        Path target = config.workDirectory().resolve("upload-" + Uuids.timeOrdered() + ".csv");
        MessageDigest sha256 = newSha256();
        try (InputStream hashing = new DigestInputStream(content, sha256)) {
            Files.copy(hashing, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
        return new StagedFile(target, HexFormat.of().formatHex(sha256.digest()), Files.size(target));
    }

    /**
     * Takes over a multipart upload Vert.x already streamed to disk: hashes it (one read) and moves it into the
     * work directory (a rename when, as configured, the uploads directory is inside it), instead of copying it.
     */
    public StagedFile adopt(Path uploaded) throws IOException {
        String sha256 = sha256(uploaded);
        Path target = config.workDirectory().resolve("upload-" + Uuids.timeOrdered() + ".csv");
        Files.move(uploaded, target);
        return new StagedFile(target, sha256, Files.size(target));
    }

    /**
     * The file {@code requested} names inside the import directory. Refuses (400) anything that resolves outside
     * it, lexically ({@code ..}, another absolute path) or through a symbolic link; 404 when there is no such file.
     */
    public Path resolveInImportDirectory(String requested) {
        if (requested == null || requested.isBlank()) {
            throw ProblemException.badRequest("path", "path is required");
        }
        try {
            Path base = config.directory().toRealPath();
            Path candidate = base.resolve(requested).normalize();
            if (!candidate.startsWith(base)) {
                throw outside(requested);
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(base)) {
                throw outside(requested);
            }
            if (!Files.isRegularFile(real)) {
                throw ProblemException.badRequest("path", "'" + requested + "' is not a regular file");
            }
            return real;
        } catch (InvalidPathException e) {
            throw ProblemException.badRequest("path", "'" + requested + "' is not a valid path");
        } catch (NoSuchFileException e) {
            throw ProblemException.notFound("file", "'" + requested + "' in the import directory");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve import path " + requested, e);
        }
    }

    public String sha256(Path file) throws IOException {
        MessageDigest sha256 = newSha256();
        try (InputStream hashing = new DigestInputStream(Files.newInputStream(file), sha256)) {
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    public void release(ImportSource source) {
        if (source.owned()) {
            deleteQuietly(source.path());
        }
    }

    void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf(e, "Cannot delete %s", file);
        }
    }

    private static ProblemException outside(String requested) {
        return ProblemException.badRequest("path", "'" + requested + "' is outside the import directory");
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
