package dev.oms.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schemas in src/main/resources/schemas stay backward compatible with the committed copies in schema-baseline.
 * A breaking change needs a new schema version (a new event type), not an edit; after a compatible change, copy the
 * schemas into schema-baseline so the next change is compared with them.
 */
class SchemaCompatibilityTest {

    // Surefire sets "basedir" to the module directory; outside Maven the working directory is the module.
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

    @Test
    void schemasAreBackwardCompatibleWithTheBaseline() throws IOException {
        Path baseline = MODULE.resolve("schema-baseline");
        Path current = MODULE.resolve("src/main/resources/schemas");
        assertTrue(Files.isRegularFile(baseline.resolve(Schemas.ENVELOPE)), "no baseline schemas in " + baseline.toAbsolutePath());

        List<String> problems = SchemaCompatibility.compareDirectories(baseline, current);

        assertEquals(List.of(), problems, "backward-incompatible schema changes:\n" + String.join("\n", problems));
    }

}
