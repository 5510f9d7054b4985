package dev.oms.platform;

import com.mysql.cj.jdbc.MysqlDataSource;
import dev.oms.infra.TestDatabases;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database with the platform's migrations applied, as the services' Flyway would apply them. */
public final class PlatformTestDatabase implements AutoCloseable {

    private static final String[] MIGRATIONS = {"V0_1__outbox.sql", "V0_2__applied_event.sql", "V0_3__outbox_shards_and_lanes.sql"};

    public final String name;
    public final DataSource dataSource;

    public PlatformTestDatabase(String baseName) throws SQLException, IOException {
        name = TestDatabases.createFresh(baseName);
        MysqlDataSource mysql = new MysqlDataSource();
        mysql.setURL(TestDatabases.jdbcUrl(name) + "?useAffectedRows=true&connectionTimeZone=UTC");
        mysql.setUser(TestDatabases.user());
        mysql.setPassword(TestDatabases.password());
        dataSource = mysql;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String migration : MIGRATIONS) {
                String withoutComments = read("db/platform/" + migration).replaceAll("(?m)^\\s*--.*$", "");
                for (String sql : withoutComments.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PlatformTestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        TestDatabases.drop(name);
    }
}
