package dev.oms.infra;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Fresh databases for tests on the local MariaDB/MySQL, and the per-JVM Redis key prefix.
 *
 * <p>Server and account come from system properties or environment variables {@code OMS_DB_HOST} (default
 * 127.0.0.1), {@code OMS_DB_PORT} (3306), {@code OMS_DB_USER} (root), {@code OMS_DB_PASSWORD} (empty).
 * Database names are {@code <baseName>_t<runId>}; the run id is short, random and the same for the whole JVM, so
 * parallel builds on one server do not collide.
 */
public final class TestDatabases {

    /** JVM-wide, so that every class loader of a test JVM agrees on the run id. */
    public static final String RUN_ID_PROPERTY = "oms.test.run-id";
    private static final Object RUN_ID_LOCK = "dev.oms.infra.TestDatabases.RUN_ID_LOCK";
    private static final Pattern BASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,50}");
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private TestDatabases() {
    }

    /** Short random id of this JVM's test run, e.g. {@code k3x9q2}. */
    public static String runId() {
        synchronized (RUN_ID_LOCK) {
            String id = System.getProperty(RUN_ID_PROPERTY);
            if (id == null) {
                String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
                SecureRandom random = new SecureRandom();
                StringBuilder sb = new StringBuilder(6);
                for (int i = 0; i < 6; i++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                id = sb.toString();
                System.setProperty(RUN_ID_PROPERTY, id);
            }
            return id;
        }
    }

    /** {@code oms-t<runId>:}, the Redis key prefix of this JVM's tests. */
    public static String redisPrefix() {
        return "oms-t" + runId() + ":";
    }

    /**
     * Creates an empty database {@code <baseName>_t<runId>} (utf8mb4), dropping a leftover of the same name first.
     *
     * @param baseName lower-case letters, digits and underscores, e.g. {@code oms_orders}
     * @return the database name
     * @throws InfraUnavailableException when the server is not reachable
     */
    public static String createFresh(String baseName) {
        if (baseName == null || !BASE_NAME.matcher(baseName).matches()) {
            throw new IllegalArgumentException("database base name must match " + BASE_NAME + ": " + baseName);
        }
        InfraCheck.requireMysql(host(), port(), user(), password());
        String name = baseName + "_t" + runId();
        execute("DROP DATABASE IF EXISTS `" + name + "`", "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        CREATED.add(name);
        installDropHook();
        return name;
    }

    /** Drops a database (no error when it does not exist). */
    public static void drop(String name) {
        if (name == null || !Pattern.matches("[A-Za-z0-9_]{1,64}", name)) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        execute("DROP DATABASE IF EXISTS `" + name + "`");
        CREATED.remove(name);
    }

    /** Whether a database exists. */
    public static boolean exists(String name) {
        try (Connection c = connect(host(), port(), user(), password(), null);
             var ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL at " + host() + ":" + port() + ": " + e.getMessage(), e);
        }
    }

    /** {@code jdbc:mysql://host:port/name} for the configured server. */
    public static String jdbcUrl(String name) {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + (name == null ? "" : name);
    }

    public static String host() {
        return setting("OMS_DB_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(setting("OMS_DB_PORT", "3306"));
    }

    public static String user() {
        return setting("OMS_DB_USER", "root");
    }

    public static String password() {
        return setting("OMS_DB_PASSWORD", "");
    }

    /**
     * A setting from the system property {@code NAME}, the system property {@code name.lower.dotted}
     * (e.g. {@code oms.db.host}), the environment variable {@code NAME}, or the default; blank counts as absent
     * except for passwords.
     */
    public static String setting(String name, String defaultValue) {
        String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
        for (String v : new String[] {System.getProperty(name), System.getProperty(dotted), System.getenv(name)}) {
            if (v != null && (!v.isBlank() || name.endsWith("PASSWORD"))) {
                return v;
            }
        }
        return defaultValue;
    }

    /** A Connector/J connection (the driver is used directly, so no DriverManager class-loader issues). */
    public static Connection connect(String host, int port, String user, String password, String database)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password == null ? "" : password);
        p.setProperty("connectTimeout", Integer.toString(InfraCheck.CONNECT_TIMEOUT_MS * 2));
        p.setProperty("socketTimeout", "120000");
        p.setProperty("sslMode", "DISABLED");
        p.setProperty("allowPublicKeyRetrieval", "true");
        Connection c = new com.mysql.cj.jdbc.Driver()
                .connect("jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database), p);
        if (c == null) {
            throw new SQLException("Connector/J did not accept the URL for " + host + ":" + port);
        }
        return c;
    }

    private static void execute(String... sql) {
        try (Connection c = connect(host(), port(), user(), password(), null); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL at " + host() + ":" + port() + " as " + user() + ": "
                    + e.getMessage() + " (SQL: " + String.join("; ", sql) + ")", e);
        }
    }

    /** Safety net: databases a test forgot to drop are dropped when the JVM exits normally. */
    private static void installDropHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (TestDatabases.class) {
            if (hookInstalled) {
                return;
            }
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (String name : Set.copyOf(CREATED)) {
                    try {
                        drop(name);
                    } catch (RuntimeException e) {
                        // the server may be gone already; nothing more to do
                    }
                }
            }, "oms-test-databases-drop"));
        }
    }
}
