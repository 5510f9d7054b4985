package dev.oms.infra;

import dev.oms.events.Topics;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The broker as a process, for {@code ./oms up}:
 * <pre>
 * java -cp ... dev.oms.infra.KafkaBrokerMain --port 9092 --controller-port 9093 --data-dir .oms/kafka-data
 * </pre>
 * Formats the data dir on first use and keeps its data across restarts; creates every topic of {@link Topics#all()};
 * prints {@code Kafka broker ready on 127.0.0.1:PORT}; stops cleanly on SIGTERM / SIGINT. Logs WARN and above only.
 */
public final class KafkaBrokerMain {

    private static final String USAGE = """
            Usage: KafkaBrokerMain [--port 9092] [--controller-port 9093] [--data-dir .oms/kafka-data]
              --port             client (PLAINTEXT) port on 127.0.0.1; 0 picks a free one   (default 9092)
              --controller-port  KRaft controller port on 127.0.0.1; 0 picks a free one (default 9093)
              --data-dir         broker data; formatted when new, reused when already formatted
                                 (default .oms/kafka-data)
            """;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        BrokerLogging.configureProcess();
        int port = 9092;
        int controllerPort = 9093;
        Path dataDir = Path.of(".oms", "kafka-data");
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    case "--port" -> port = Integer.parseInt(value != null ? value : next(args, ++i, arg));
                    case "--controller-port" ->
                            controllerPort = Integer.parseInt(value != null ? value : next(args, ++i, arg));
                    case "--data-dir" -> dataDir = Path.of(value != null ? value : next(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("KafkaBrokerMain: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }

        KafkaBroker broker;
        try {
            log("Starting Kafka broker (KRaft) on 127.0.0.1:" + port + ", controller port " + controllerPort
                    + ", data dir " + dataDir.toAbsolutePath());
            broker = KafkaBroker.start(dataDir, port, controllerPort);
            broker.createTopics(Topics.all());
        } catch (RuntimeException e) {
            System.err.println(timestamp() + " Kafka broker failed to start: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }

        AtomicBoolean stopping = new AtomicBoolean();
        KafkaBroker running = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            log("Stopping Kafka broker on " + running.bootstrapServers());
            running.close();
            log("Kafka broker stopped");
        }, "kafka-broker-main-shutdown"));

        log("Kafka broker ready on " + broker.bootstrapServers() + " (" + Topics.all().size() + " topics)");
        broker.awaitShutdown();
        if (!stopping.get()) {
            System.err.println(timestamp() + " Kafka broker stopped unexpectedly");
            System.exit(1);
        }
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void log(String message) {
        System.out.println(timestamp() + " " + message);
        System.out.flush();
    }

    private static String timestamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"));
    }
}
