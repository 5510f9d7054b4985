package dev.oms.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One MariaDB/MySQL account per service, with every right on its own schema and none on any other, so a service
 * (or whoever takes it over) can never read or change another's data. {@code ./oms up} creates them, with
 * DEVELOPMENT passwords, and runs each service as its own account; production creates the same accounts with
 * secrets of its own (README, Security). Run as an account allowed to create users and grant (root locally):
 * <pre>
 * java -cp ... dev.oms.infra.ServiceDatabaseUsers
 * </pre>
 */
public final class ServiceDatabaseUsers {

    /** A service's account; its schema is the one named in the service's {@code oms.db.name}. */
    public record Account(String service, String user, String schema) {

        /** For local runs only: the password is derived from the user name, so it is no secret. */
        public String developmentPassword() {
            return "dev-only-" + user;
        }
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("import-service", "oms_import", "oms_imports"),
            new Account("order-service", "oms_order", "oms_orders"),
            new Account("payment-service", "oms_payment", "oms_payments"),
            new Account("refund-service", "oms_refund", "oms_refunds"),
            new Account("notification-service", "oms_notification", "oms_notifications"));

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private ServiceDatabaseUsers() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection admin = TestDatabases.connect(TestDatabases.host(), TestDatabases.port(), TestDatabases.user(),
                TestDatabases.password(), null)) {
            for (Account account : ACCOUNTS) {
                ensure(admin, account.user(), account.developmentPassword(), account.schema());
                System.out.printf("ok       %-21s user %-17s all rights on %s only%n", account.service(), account.user(),
                        account.schema());
            }
        }
    }

    /** Creates (or updates) {@code user} with {@code password} and all rights on {@code schema}, which may not exist yet. */
    public static void ensure(Connection admin, String user, String password, String schema) throws SQLException {
        requireName(user);
        requireName(schema);
        if (password.contains("'") || password.contains("\\")) {
            throw new IllegalArgumentException("the password may not contain quotes or backslashes");
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            statement.execute("ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            // '_' is a wildcard in a grant's database name: escaped, the grant covers this one schema only.
            statement.execute("GRANT ALL PRIVILEGES ON `" + schema.replace("_", "\\_") + "`.* TO '" + user + "'@'%'");
        }
    }

    public static void drop(Connection admin, String user) throws SQLException {
        requireName(user);
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP USER IF EXISTS '" + user + "'@'%'");
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain user or schema name: " + name);
        }
    }
}
