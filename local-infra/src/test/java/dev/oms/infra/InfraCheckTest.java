package dev.oms.infra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfraCheckTest {

    @Test
    void mysqlOnAClosedPortFailsWithAClearMessage() {
        int closed = KafkaBroker.freePort(-1);
        InfraUnavailableException e = assertThrows(InfraUnavailableException.class,
                () -> InfraCheck.requireMysql("127.0.0.1", closed, "root", ""));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closed), e.getMessage());
        assertTrue(e.getMessage().contains("MariaDB/MySQL is not reachable"), e.getMessage());
        assertTrue(e.getMessage().contains("./oms up"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "a message, not a stack trace");
    }

    @Test
    void redisOnAClosedPortFailsWithAClearMessage() {
        int closed = KafkaBroker.freePort(-1);
        InfraUnavailableException e = assertThrows(InfraUnavailableException.class,
                () -> InfraCheck.requireRedis("127.0.0.1", closed));
        assertTrue(e.getMessage().contains("Redis is not reachable at 127.0.0.1:" + closed), e.getMessage());
        assertTrue(e.getMessage().contains("redis-server"), e.getMessage());
    }

    @Test
    void theLocalServersAreReachable() {
        String version = InfraCheck.requireMysql(TestDatabases.host(), TestDatabases.port(), TestDatabases.user(),
                TestDatabases.password());
        assertFalse(version.isBlank());
        InfraCheck.requireRedis(TestDatabases.setting("OMS_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(TestDatabases.setting("OMS_REDIS_PORT", "6379")));
    }

    @Test
    void wrongPasswordNamesTheUser() {
        InfraUnavailableException e = assertThrows(InfraUnavailableException.class,
                () -> InfraCheck.requireMysql(TestDatabases.host(), TestDatabases.port(), "oms_no_such_user", "x"));
        assertTrue(e.getMessage().contains("'oms_no_such_user'"), e.getMessage());
    }
}
