package dev.oms.imports.domain;

import dev.oms.events.Ids;

import java.util.UUID;

/**
 * Event ids of imported orders are derived from the file's content and the order's position in it, so importing
 * or resuming the same file again re-sends records with the same ids, which consumers recognise.
 */
public final class ImportEventIds {

    private ImportEventIds() {
    }

    /** The id of the {@code ordinal}-th order group (1-based) of the file with this SHA-256 (lower-case hex). */
    public static UUID eventId(String sha256, long ordinal) {
        return Ids.nameBased("import:" + sha256 + ":" + ordinal);
    }
}
