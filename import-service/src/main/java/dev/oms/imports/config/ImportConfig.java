package dev.oms.imports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.nio.file.Path;

/** Settings of CSV imports. */
@ConfigMapping(prefix = "oms.imports")
public interface ImportConfig {

    /** The only directory {@code POST /imports/from-path} may read files from. */
    @WithDefault("${java.io.tmpdir}/oms-imports")
    Path directory();

    /** Where uploaded files are kept while their import runs. */
    @WithDefault("${java.io.tmpdir}/oms-imports-work")
    Path workDirectory();

    /** The shop currency (ISO 4217); rows in any other currency are rejected. */
    @WithDefault("USD")
    String currency();

    /** Imports that run at the same time; more wait in line. */
    @WithDefault("2")
    @Min(1)
    int workers();

    /** Records sent to Kafka but not yet acknowledged, per import: bounds memory whatever the file size. */
    @WithDefault("10000")
    @Min(1)
    int maxInFlight();

    /** Rejected rows an import tolerates; one more fails it (a submission may ask for another limit). */
    @WithDefault("1000")
    @Min(0)
    long maxRejectedRows();

    /**
     * Data rows between two progress updates (and checkpoints) of the job row: a few per second at full speed; a
     * crash re-sends at most the orders of this many rows plus those in flight.
     */
    @WithDefault("20000")
    @Min(1)
    int progressInterval();
}
