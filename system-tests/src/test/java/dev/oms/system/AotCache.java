package dev.oms.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The JDK's AOT cache of each service (JDK 25 and later: JEP 483's classes loaded and linked ahead of time, JEP 515's
 * method profiles), recorded by one training run and mapped by later starts instead of loading, verifying and linking
 * the same classes again. A service's cache lies beside its jar ({@code target/quarkus-app/app.aot}); the JVM uses it
 * only with the jars it was trained on (it checks their modification times) and the same JDK and GC, and starts
 * without it otherwise. Application classes are in it only when the service is packaged as Quarkus' {@code aot-jar}
 * (its classes on the JVM's class path; the default fast-jar loads them with a class loader the cache does not
 * cover), which {@code ./oms bench} builds.
 */
final class AotCache {

    static final String FILE = "app.aot";
    private static final String TRAINING_OPTION = "-XX:AOTCacheOutput=";
    // Long enough for the schedulers, relays and consumers to run their first rounds, whose classes count too.
    private static final Duration TRAINING_RUN = Duration.ofSeconds(5);
    // The JVM writes the cache as it exits; 150 MB on two busy cores.
    private static final Duration WRITING = Duration.ofMinutes(2);
    private static final String AOT_ENTRY_POINT = "io.quarkus.bootstrap.runner.AotQuarkusEntryPoint";

    private AotCache() {
    }

    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    static boolean usableIn(Path app) {
        return supported() && Files.isRegularFile(app.resolve(FILE));
    }

    /** What the services do while they record their caches. */
    interface Workload {
        void run(OmsSystem system) throws Exception;
    }

    /**
     * A fresh cache for each service, recorded alone and idle: ready, left to run {@link #TRAINING_RUN}, stopped. The
     * smallest cache, holding what startup loads. {@code jvmOptions} are those the cache will be used with.
     */
    static void trainIdle(List<String> services, String jvmOptions) throws Exception {
        for (String name : services) {
            train(List.of(name), jvmOptions, system -> Thread.sleep(TRAINING_RUN.toMillis()));
        }
    }

    /**
     * A fresh cache for every service, recorded while the whole system runs {@code workload}: the classes and method
     * profiles of the paths a bulk import takes, not only those of startup.
     */
    static void trainUnderLoad(String jvmOptions, Workload workload) throws Exception {
        train(OmsSystem.SERVICES, jvmOptions, workload);
    }

    /**
     * Starts {@code services} with {@value #TRAINING_OPTION}, runs {@code workload}, stops them one by one with SIGTERM:
     * each writes its cache into its app copy as it exits, which is then put beside the packaged jar.
     */
    private static void train(List<String> services, String jvmOptions, Workload workload) throws Exception {
        long started = System.nanoTime();
        for (String name : services) {
            deleteCache(name);
        }
        try (OmsSystem system = OmsSystem.start("aot-training", services, Map.of(),
                jvmOptions + " " + TRAINING_OPTION + FILE)) {
            workload.run(system);
            for (String name : services) {
                ServiceProcess service = system.service(name);
                service.terminate(WRITING);
                Path cache = service.directory().resolve(FILE);
                if (!Files.isRegularFile(cache)) {
                    throw new IllegalStateException(name + " wrote no AOT cache at " + cache + "; log:\n" + service.tail());
                }
                Files.copy(cache, packagedApp(name).resolve(FILE));
                System.out.printf(Locale.ROOT, "aot cache: %s, %d MB%n", name, Files.size(cache) >> 20);
            }
        }
        System.out.printf(Locale.ROOT, "aot cache: %s trained in %.1f s%n", services, (System.nanoTime() - started) / 1e9);
    }

    /** Deletes the service's packaged cache, so that the training run does not start from it. */
    private static void deleteCache(String name) throws IOException {
        Path app = packagedApp(name);
        if (!packagedForTheCache(app)) {
            System.out.printf("aot cache: %s is packaged as fast-jar, so only the JDK's classes will be in its cache "
                    + "(build with -Dquarkus.package.jar.type=aot-jar, as ./oms bench does)%n", name);
        }
        Files.deleteIfExists(app.resolve(FILE));
    }

    private static Path packagedApp(String name) {
        return OmsSystem.projectRoot().resolve(name).resolve("target/quarkus-app");
    }

    private static boolean packagedForTheCache(Path app) throws IOException {
        try (JarFile jar = new JarFile(app.resolve("quarkus-run.jar").toFile())) {
            return AOT_ENTRY_POINT.equals(jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }
}
