package dev.oms.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own JVM process. It can be
 * killed with SIGKILL and restarted with the same port, properties and log, as a crashed pod would be.
 */
final class ServiceProcess implements AutoCloseable {

    /** How the JVM reports a child that died of signal 9 (128 + 9). */
    private static final int KILLED_BY_SIGKILL = 137;
    private static final String MARK = "===== system-tests: ";
    /**
     * Six services, the broker and the database share two cores, and the crash test restarts services again and
     * again: C1 compiles a fresh JVM's hot code at a fraction of C2's CPU, and one GC thread stays out of the way.
     * {@code -Doms.system.jvm-options=...} replaces them.
     */
    private static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final String name;
    private final int port;
    private final Path log;
    private final Path directory;
    private final List<String> command;
    private Process process;
    private long launchedAtNanos;

    private ServiceProcess(String name, int port, Path log, Path directory, List<String> command) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.directory = directory;
        this.command = command;
    }

    /** The JVM options of the system tests' services, besides -Xmx256m. */
    static String defaultJvmOptions() {
        return System.getProperty("oms.system.jvm-options", JVM_OPTIONS);
    }

    /**
     * Starts a copy of the packaged service taken now, under {@code appsDir}, with these JVM options (besides
     * -Xmx256m): a rebuild in the working tree while the test runs must not change what a restart runs, nor leave it
     * half a jar to start. It runs in the copy's directory, with the copy's {@link AotCache} when the JDK can use it.
     */
    static ServiceProcess start(Path projectRoot, String name, int port, Map<String, String> properties, Path appsDir,
                                Path logDir, String jvmOptions) throws IOException {
        return start(projectRoot, name, name, port, properties, appsDir, logDir, jvmOptions);
    }

    /**
     * As above, for one replica of the service {@code module} named {@code instance}: its own copy of the app, its own
     * log and port, so that replicas of one service run side by side.
     */
    static ServiceProcess start(Path projectRoot, String module, String instance, int port, Map<String, String> properties,
                                Path appsDir, Path logDir, String jvmOptions) throws IOException {
        Path app = copyOfApp(projectRoot.resolve(module).resolve("target/quarkus-app"), appsDir.resolve(instance));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m"));
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        if (AotCache.usableIn(app)) {
            command.add("-XX:AOTCache=" + AotCache.FILE);
        }
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // From the app's own directory, as the AOT cache records the class path relative to it.
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        Files.createDirectories(logDir);
        Path log = logDir.resolve(instance + ".log");
        Files.deleteIfExists(log);
        ServiceProcess service = new ServiceProcess(instance, port, log, app, List.copyOf(command));
        service.launch();
        return service;
    }

    private static Path copyOfApp(Path app, Path copy) throws IOException {
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar") + " is missing: package the services first (./mvnw install)");
        }
        if (Files.exists(copy)) {
            try (Stream<Path> old = Files.walk(copy)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(copy.getParent());
        try (Stream<Path> files = Files.walk(app)) {
            for (Path path : files.toList()) {
                // Modification times kept: an AOT cache holds the jars' times and is not used if they differ.
                Files.copy(path, copy.resolve(app.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    // Appending, so a restarted service's log follows the one it replaces.
    private void launch() throws IOException {
        launchedAtNanos = System.nanoTime();
        process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The directory it runs in: its copy of the packaged app. */
    Path directory() {
        return directory;
    }

    /**
     * kill -9: no shutdown hook runs, nothing is flushed or committed on the way out. Returns the pid killed.
     * {@link Process#destroyForcibly()} is SIGKILL on Linux; the exit status proves it.
     */
    long kill() throws IOException, InterruptedException {
        long pid = process.pid();
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid + ") still runs 10 s after SIGKILL");
        }
        if (process.exitValue() != KILLED_BY_SIGKILL) {
            throw new IllegalStateException(name + " (pid " + pid + ") ended with status " + process.exitValue()
                    + ", not by SIGKILL; it may have died before the kill:\n" + tail());
        }
        markLog("killed with SIGKILL (pid " + pid + ")");
        return pid;
    }

    /**
     * SIGTERM, as Kubernetes stops a pod, and waits for the process to end. Returns how it ended; the log gets the
     * section {@link #logSince} reads.
     */
    Stopped terminate(Duration timeout) throws IOException, InterruptedException {
        long pid = process.pid();
        markLog("sent SIGTERM (pid " + pid + ")");
        Instant sent = Instant.now();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid + ") still runs " + timeout + " after SIGTERM:\n" + tail());
        }
        return new Stopped(pid, process.exitValue(), Duration.between(sent, Instant.now()));
    }

    record Stopped(long pid, int exitStatus, Duration took) {
    }

    /** The log's lines after the last mark containing {@code mark}, e.g. "sent SIGTERM". */
    List<String> logSince(String mark) throws IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(MARK) && lines.get(i).contains(mark)) {
                return lines.subList(i + 1, lines.size());
            }
        }
        throw new IllegalStateException(name + "'s log has no mark '" + mark + "'");
    }

    /** Starts the service again after {@link #kill()} or {@link #terminate}, on the same port, with the same properties and log. */
    void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs (pid " + process.pid() + ")");
        }
        markLog("restarting");
        launch();
    }

    private void markLog(String what) throws IOException {
        String line = MARK + name + " " + what + " at " + Instant.now() + " =====\n";
        Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Waits until {@code /q/health/ready} answers 200; returns how long after its launch the service was ready. */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            if (ready()) {
                return Duration.ofNanos(System.nanoTime() - launchedAtNanos);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; log:\n" + tail());
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Asks the service to shut down (SIGTERM) without waiting, so several services can stop at once. */
    void requestStop() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
