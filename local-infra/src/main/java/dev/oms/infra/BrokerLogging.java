package dev.oms.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the broker quiet (WARN and above) in both modes.
 *
 * <p>Kafka logs through slf4j; the binding on our classpath is slf4j-jboss-logmanager (the one Quarkus uses), which
 * logs to the JBoss LogManager's system context. Levels are set there (and on plain JUL, in case another manager is
 * installed). Loggers are held strongly so the levels are not lost when a logger is garbage collected.
 */
public final class BrokerLogging {

    /** Broker-side categories. Client categories (producer/consumer) are otherwise left to the application. */
    private static final List<String> BROKER_CATEGORIES = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.queue",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.network",
            "org.apache.kafka.security",
            "org.apache.kafka.common.network",
            "org.apache.kafka.common.security",
            "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.utils.AppInfoParser",
            // the "KafkaConfig values:" dumps (several per broker start); this also hides the clients' config dumps
            "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.clients.admin",
            "org.apache.kafka.tools");

    private static final List<Object> HELD = new ArrayList<>();
    private static boolean quieted;

    private BrokerLogging() {
    }

    /** In-JVM mode: quiets the broker categories, leaves everything else alone. */
    static synchronized void quietBroker() {
        if (quieted) {
            return;
        }
        quieted = true;
        for (String category : BROKER_CATEGORIES) {
            setLevel(category, Level.WARNING);
        }
    }

    /** Process mode: WARN everywhere on the console, INFO for our own messages. */
    static synchronized void configureProcess() {
        quietBroker();
        try {
            JbossLogging.configureProcess();
        } catch (LinkageError e) {
            Logger root = Logger.getLogger("");
            root.setLevel(Level.WARNING);
            HELD.add(root);
        }
    }

    private static void setLevel(String category, Level level) {
        try {
            HELD.add(JbossLogging.setLevel(category, level));
        } catch (LinkageError e) {
            // JBoss LogManager not on the classpath: plain JUL below is all we can do.
        }
        Logger jul = Logger.getLogger(category);
        jul.setLevel(level);
        HELD.add(jul);
    }

    /** Isolated so that a missing JBoss LogManager surfaces as a LinkageError we can catch. */
    private static final class JbossLogging {
        static Object setLevel(String category, Level level) {
            org.jboss.logmanager.Logger logger = org.jboss.logmanager.LogContext.getLogContext().getLogger(category);
            logger.setLevel(level);
            return logger;
        }

        static void configureProcess() {
            org.jboss.logmanager.Logger root = org.jboss.logmanager.LogContext.getLogContext().getLogger("");
            for (java.util.logging.Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            org.jboss.logmanager.handlers.ConsoleHandler console = new org.jboss.logmanager.handlers.ConsoleHandler(
                    org.jboss.logmanager.handlers.ConsoleHandler.Target.SYSTEM_OUT,
                    new org.jboss.logmanager.formatters.PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] %s%e%n"));
            console.setLevel(Level.ALL);
            root.addHandler(console);
            root.setLevel(Level.WARNING);
            HELD.add(root);
            // "Attempting to close NetworkClient that has already been closed" on every clean shutdown
            org.jboss.logmanager.Logger networkClient =
                    org.jboss.logmanager.LogContext.getLogContext().getLogger("org.apache.kafka.clients.NetworkClient");
            networkClient.setLevel(Level.SEVERE);
            HELD.add(networkClient);
            org.jboss.logmanager.Logger ours = org.jboss.logmanager.LogContext.getLogContext().getLogger("dev.oms");
            ours.setLevel(Level.INFO);
            HELD.add(ours);
        }
    }
}
