package dev.oms.imports.service;

import java.nio.file.Path;

/** A file to import. {@code owned}: the file is our staged copy of an upload, deleted when its import ends. */
public record ImportSource(Path path, String fileName, String sha256, boolean owned) {
}
