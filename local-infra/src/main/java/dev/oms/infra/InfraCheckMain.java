package dev.oms.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints one line per local dependency and exits 1 if any is missing. Used by {@code ./oms}.
 * <pre>
 * java -cp ... dev.oms.infra.InfraCheckMain [mysql] [redis]     (default: both)
 * </pre>
 * Reads OMS_DB_HOST/OMS_DB_PORT/OMS_DB_USER/OMS_DB_PASSWORD and OMS_REDIS_HOST/OMS_REDIS_PORT (system properties or
 * environment; defaults 127.0.0.1:3306 root with an empty password, 127.0.0.1:6379).
 */
public final class InfraCheckMain {

    private InfraCheckMain() {
    }

    public static void main(String[] args) {
        List<String> what = new ArrayList<>(List.of(args));
        if (what.isEmpty()) {
            what = List.of("mysql", "redis");
        }
        boolean allOk = true;
        for (String dependency : what) {
            switch (dependency) {
                case "mysql", "mariadb" -> {
                    String where = TestDatabases.host() + ":" + TestDatabases.port();
                    try {
                        String version = InfraCheck.requireMysql(TestDatabases.host(), TestDatabases.port(),
                                TestDatabases.user(), TestDatabases.password());
                        System.out.printf("ok       %-14s %-21s %s (user %s)%n", "MariaDB/MySQL", where, version,
                                TestDatabases.user());
                    } catch (InfraUnavailableException e) {
                        allOk = false;
                        System.out.printf("MISSING  %-14s %-21s %s%n", "MariaDB/MySQL", where, e.getMessage());
                    }
                }
                case "redis" -> {
                    String host = TestDatabases.setting("OMS_REDIS_HOST", "127.0.0.1");
                    int port = Integer.parseInt(TestDatabases.setting("OMS_REDIS_PORT", "6379"));
                    String where = host + ":" + port;
                    try {
                        InfraCheck.requireRedis(host, port);
                        System.out.printf("ok       %-14s %-21s%n", "Redis", where);
                    } catch (InfraUnavailableException e) {
                        allOk = false;
                        System.out.printf("MISSING  %-14s %-21s %s%n", "Redis", where, e.getMessage());
                    }
                }
                default -> {
                    System.err.println("InfraCheckMain: unknown dependency '" + dependency + "' (mysql, redis)");
                    System.exit(2);
                }
            }
        }
        System.exit(allOk ? 0 : 1);
    }
}
