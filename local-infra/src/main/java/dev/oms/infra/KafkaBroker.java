package dev.oms.infra;

import dev.oms.events.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running in this JVM.
 *
 * <ul>
 *   <li>{@link #start(Path, int, int)}: a broker on a data dir (formatted on first use, reused afterwards) or, with a
 *       {@code null} dir, on a fresh temporary dir that {@link #close()} deletes.</li>
 *   <li>{@link #shared()}: one broker per JVM for tests, all OMS topics created, stopped by a shutdown hook.</li>
 *   <li>{@link KafkaBrokerMain}: the same broker as a separate process, for {@code ./oms up}.</li>
 * </ul>
 * Listens on 127.0.0.1 only, PLAINTEXT.
 */
public final class KafkaBroker implements AutoCloseable {

    /** JVM-wide (system property) so that every class loader of a test JVM finds the one shared broker. */
    public static final String SHARED_BOOTSTRAP_PROPERTY = "oms.test.kafka.bootstrap-servers";

    static final String HOST = "127.0.0.1";
    private static final String LOG_DIR_NAME = "kraft-logs";
    private static final String CONFIG_FILE_NAME = "server.properties";
    private static final String TEMP_PREFIX = "oms-kafka-";
    private static final String OWNER_FILE = "owner.pid";
    private static final int TIMEOUT_SECONDS = 60;

    /**
     * An interned string literal is one object for the whole JVM, whatever class loader loaded this class, so the
     * shared broker is started once even when Quarkus loads this class more than once.
     */
    private static final Object SHARED_LOCK = "dev.oms.infra.KafkaBroker.SHARED_LOCK";
    private static KafkaBroker sharedInstance;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean temporary;
    private final String bootstrapServers;
    private final int port;
    private final int controllerPort;
    private volatile boolean shared;
    private boolean stopped;

    private KafkaBroker(KafkaRaftServer server, Path dataDir, boolean temporary, int port, int controllerPort) {
        this.server = server;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.bootstrapServers = HOST + ":" + port;
    }

    /**
     * Starts a broker.
     *
     * @param dataDir        where the broker keeps its data; formatted when new, reused when already formatted;
     *                       {@code null} for a fresh temporary directory that {@link #close()} deletes
     * @param port           client (PLAINTEXT) port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one (or the one a reused data dir was formatted with)
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        BrokerLogging.quietBroker();
        boolean temporary = dataDir == null;
        try {
            if (temporary) {
                deleteAbandonedTempDirs();
            }
            Path dir = temporary ? Files.createTempDirectory(TEMP_PREFIX) : dataDir.toAbsolutePath();
            if (temporary) {
                Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            }
            Files.createDirectories(dir);
            Path logDir = dir.resolve(LOG_DIR_NAME);
            Path configFile = dir.resolve(CONFIG_FILE_NAME);
            boolean formatted = Files.exists(logDir.resolve("meta.properties"));

            int formattedControllerPort = formatted ? previousControllerPort(configFile) : 0;
            if (formatted && formattedControllerPort > 0 && controllerPort > 0 && controllerPort != formattedControllerPort) {
                throw new IllegalStateException("Kafka data dir " + dir + " was formatted for controller port "
                        + formattedControllerPort + ", not " + controllerPort + ". Use --controller-port "
                        + formattedControllerPort + " or delete " + dir + " to start from scratch.");
            }
            int cport = controllerPort > 0 ? controllerPort
                    : formattedControllerPort > 0 ? formattedControllerPort : freePort(-1);
            int bport = port > 0 ? port : freePort(cport);
            requirePortFree(bport, "client");
            requirePortFree(cport, "controller");

            Properties props = brokerProperties(logDir, bport, cport);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "Written by dev.oms.infra.KafkaBroker; rewritten on every start");
            }
            if (!formatted) {
                format(configFile);
            }

            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            KafkaBroker broker = new KafkaBroker(server, dir, temporary, bport, cport);
            try {
                server.startup();
                broker.awaitReady();
            } catch (RuntimeException | Error e) {
                broker.stop();
                throw new IllegalStateException("Kafka broker failed to start on " + broker.bootstrapServers()
                        + " (data dir " + dir + "): " + rootMessage(e), e);
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker: cannot prepare data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The broker every test of this JVM shares: started on first use in a fresh temporary dir with all topics of
     * {@link Topics#all()}, stopped (and its dir deleted) by a shutdown hook. {@link #close()} on it does nothing.
     */
    public static KafkaBroker shared() {
        synchronized (SHARED_LOCK) {
            if (sharedInstance != null) {
                return sharedInstance;
            }
            String running = System.getProperty(SHARED_BOOTSTRAP_PROPERTY);
            if (running != null) {
                // Started through another class loader of this JVM: use it, its owner stops it.
                KafkaBroker attached = new KafkaBroker(null, null, false, portOf(running), 0);
                attached.shared = true;
                sharedInstance = attached;
                return attached;
            }
            KafkaBroker broker = start(null, 0, 0);
            broker.shared = true;
            try {
                broker.createTopics(Topics.all());
            } catch (RuntimeException e) {
                broker.stop();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "oms-kafka-broker-shutdown"));
            System.setProperty(SHARED_BOOTSTRAP_PROPERTY, broker.bootstrapServers());
            sharedInstance = broker;
            return broker;
        }
    }

    /** {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The data dir (null for a handle on a broker owned by another class loader). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates the topics that do not exist yet; for existing ones, raises the partition count to the spec's (never
     * lowers it) and sets {@code retention.ms}. Idempotent. Returns when every partition has a leader.
     */
    public void createTopics(List<Topics.TopicSpec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            Map<String, Topics.TopicSpec> byName = specs.stream()
                    .collect(Collectors.toMap(Topics.TopicSpec::name, s -> s, (a, b) -> b));
            Set<String> existing = get(admin.listTopics().names());

            List<NewTopic> toCreate = byName.values().stream()
                    .filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), s.partitions(), (short) 1)
                            .configs(Map.of("retention.ms", Long.toString(s.retentionMs()))))
                    .toList();
            List<String> raced = new ArrayList<>();
            admin.createTopics(toCreate).values().forEach((name, future) -> {
                try {
                    get(future);
                } catch (IllegalStateException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        raced.add(name);
                    } else {
                        throw e;
                    }
                }
            });

            List<String> toUpdate = new ArrayList<>(raced);
            byName.keySet().stream().filter(existing::contains).forEach(toUpdate::add);
            if (!toUpdate.isEmpty()) {
                updateExisting(admin, toUpdate, byName);
            }
            awaitLeaders(admin, byName.keySet());
        }
    }

    private void updateExisting(Admin admin, List<String> names, Map<String, Topics.TopicSpec> byName) {
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
        Map<String, NewPartitions> grow = new HashMap<>();
        descriptions.forEach((name, d) -> {
            int wanted = byName.get(name).partitions();
            if (d.partitions().size() < wanted) {
                grow.put(name, NewPartitions.increaseTo(wanted));
            }
        });
        if (!grow.isEmpty()) {
            get(admin.createPartitions(grow).all());
        }
        Map<ConfigResource, Collection<AlterConfigOp>> retention = new HashMap<>();
        for (String name : names) {
            retention.put(new ConfigResource(ConfigResource.Type.TOPIC, name), List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", Long.toString(byName.get(name).retentionMs())),
                    AlterConfigOp.OpType.SET)));
        }
        get(admin.incrementalAlterConfigs(retention).all());
    }

    private void awaitLeaders(Admin admin, Collection<String> names) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                Map<String, TopicDescription> d = get(admin.describeTopics(names).allTopicNames());
                boolean ready = d.values().stream()
                        .flatMap(t -> t.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (IllegalStateException e) {
                // metadata not propagated yet (UnknownTopicOrPartition): retry
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker " + bootstrapServers + ": topics " + names
                        + " have no partition leaders after 30 s");
            }
            sleep(100);
        }
    }

    /** Admin client on this broker; the caller closes it. */
    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "oms-local-infra");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        return Admin.create(p);
    }

    /** Blocks until the broker has shut down (process mode). */
    public void awaitShutdown() {
        if (server != null) {
            server.awaitShutdown();
        }
    }

    /** Stops the broker and deletes its data dir if it was temporary. Does nothing on the shared broker. */
    @Override
    public void close() {
        if (!shared) {
            stop();
        }
    }

    synchronized void stop() {
        if (stopped || server == null) {
            return;
        }
        stopped = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("Kafka broker " + bootstrapServers + ": error on shutdown: " + rootMessage(e));
        } finally {
            if (temporary) {
                deleteRecursively(dataDir);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        return p;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {
                    "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka storage format failed: " + rootMessage(e)
                    + "\n" + output.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("Kafka storage format failed (exit " + rc + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not up yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not ready after " + TIMEOUT_SECONDS + " s");
                }
                sleep(100);
            }
        }
    }

    private static int previousControllerPort(Path configFile) {
        if (!Files.exists(configFile)) {
            return 0;
        }
        Properties previous = new Properties();
        try (InputStream in = Files.newInputStream(configFile)) {
            previous.load(in);
        } catch (IOException e) {
            return 0;
        }
        return portOf(previous.getProperty("controller.quorum.bootstrap.servers", ""));
    }

    private static int portOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(hostPort.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A currently free port on 127.0.0.1, different from {@code not}. */
    static int freePort(int not) {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                s.setReuseAddress(true);
                if (s.getLocalPort() != not) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port", e);
            }
        }
        throw new IllegalStateException("cannot find a free port");
    }

    private static void requirePortFree(int port, String what) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 300);
        } catch (IOException e) {
            return; // nobody listens: free
        }
        throw new IllegalStateException("Kafka " + what + " port " + HOST + ":" + port
                + " is already in use by another process. Stop it (./oms down, if it is ours) or choose another port.");
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(rootMessage(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin call timed out after " + TIMEOUT_SECONDS + " s", e);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Temporary data dirs of test JVMs that died without running their shutdown hook (kill -9, surefire timeout). */
    private static void deleteAbandonedTempDirs() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(d -> d.getFileName().toString().startsWith(TEMP_PREFIX) && Files.isDirectory(d))
                    .filter(KafkaBroker::abandoned)
                    .forEach(KafkaBroker::deleteRecursively);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // best effort
        }
    }

    private static boolean abandoned(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // not ours to judge (or being created right now)
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
