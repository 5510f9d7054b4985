package dev.oms.infra;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceDatabaseUsersTest {

    @Test
    void aServiceAccountOwnsItsSchemaAndCannotTouchAnother() throws SQLException {
        String own = TestDatabases.createFresh("oms_owned");
        String other = TestDatabases.createFresh("oms_other");
        // A look-alike schema: '_' in the grant would match it if it were not escaped.
        String lookAlike = own.replace("oms_owned", "oms0owned");
        String user = "oms_u" + TestDatabases.runId();
        try (Connection admin = admin()) {
            execute(admin, "CREATE DATABASE IF NOT EXISTS `" + lookAlike + "`",
                    "CREATE TABLE `" + other + "`.secrets (id INT PRIMARY KEY)");
            ServiceDatabaseUsers.ensure(admin, user, "first-password", own);
            ServiceDatabaseUsers.ensure(admin, user, "dev-only-password", own); // again: the password is updated

            try (Connection service = TestDatabases.connect(TestDatabases.host(), TestDatabases.port(), user,
                    "dev-only-password", own)) {
                execute(service, "CREATE TABLE orders (id INT PRIMARY KEY)", "INSERT INTO orders VALUES (1)");
                assertEquals(1, count(service, "SELECT COUNT(*) FROM orders"));

                SQLException read = assertThrows(SQLException.class,
                        () -> count(service, "SELECT COUNT(*) FROM `" + other + "`.secrets"));
                assertTrue(read.getMessage().contains("denied"), read.getMessage());
                SQLException create = assertThrows(SQLException.class,
                        () -> execute(service, "CREATE TABLE `" + lookAlike + "`.t (id INT)"));
                assertTrue(create.getMessage().contains("denied"), create.getMessage());
            }
        } finally {
            try (Connection admin = admin()) {
                ServiceDatabaseUsers.drop(admin, user);
                execute(admin, "DROP DATABASE IF EXISTS `" + lookAlike + "`");
            }
            TestDatabases.drop(own);
            TestDatabases.drop(other);
        }
    }

    @Test
    void refusesNamesThatCouldEscapeTheStatement() {
        assertThrows(IllegalArgumentException.class,
                () -> ServiceDatabaseUsers.ensure(null, "x'@'%", "p", "oms_orders"));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceDatabaseUsers.ensure(null, "oms_order", "p", "oms`.*"));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceDatabaseUsers.ensure(null, "oms_order", "it's", "oms_orders"));
    }

    private static Connection admin() throws SQLException {
        return TestDatabases.connect(TestDatabases.host(), TestDatabases.port(), TestDatabases.user(),
                TestDatabases.password(), null);
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
