package dev.oms.infra;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestDatabasesTest {

    @Test
    void createsAndDropsAFreshDatabase() {
        String name = TestDatabases.createFresh("oms_selftest");
        try {
            assertEquals("oms_selftest_t" + TestDatabases.runId(), name);
            assertTrue(name.matches("oms_selftest_t[a-z0-9]{6}"), name);
            assertTrue(TestDatabases.exists(name));
            assertEquals(name, TestDatabases.createFresh("oms_selftest"), "same name within one JVM");
        } finally {
            TestDatabases.drop(name);
        }
        assertFalse(TestDatabases.exists(name));
        TestDatabases.drop(name); // dropping twice is fine
    }

    @Test
    void rejectsUnsafeNames() {
        assertThrows(IllegalArgumentException.class, () -> TestDatabases.createFresh("oms`; DROP"));
        assertThrows(IllegalArgumentException.class, () -> TestDatabases.drop("x` y"));
    }

    @Test
    void redisPrefixIsPerJvm() {
        assertEquals("oms-t" + TestDatabases.runId() + ":", TestDatabases.redisPrefix());
        assertEquals(TestDatabases.runId(), TestDatabases.runId());
    }

    @Test
    void omsTestInfraProvidesConfigAndCleansUp() throws Exception {
        OmsTestInfra infra = new OmsTestInfra();
        infra.init(Map.of("database", "oms_infratest", "redis", "true"));
        Map<String, String> config = infra.start();
        String db = config.get("oms.db.name");
        try {
            assertEquals("oms_infratest_t" + TestDatabases.runId(), db);
            assertTrue(TestDatabases.exists(db));
            assertEquals(KafkaBroker.shared().bootstrapServers(), config.get("kafka.bootstrap.servers"));
            assertEquals(TestDatabases.host(), config.get("oms.db.host"));
            assertEquals(Integer.toString(TestDatabases.port()), config.get("oms.db.port"));
            assertEquals(TestDatabases.user(), config.get("oms.db.user"));
            assertEquals(TestDatabases.password(), config.get("oms.db.password"));
            assertEquals(TestDatabases.redisPrefix(), config.get("oms.redis.key-prefix"));
            assertTrue(config.get("quarkus.redis.hosts").startsWith("redis://"), config.toString());
            redis("SET " + TestDatabases.redisPrefix() + "probe 1");
        } finally {
            infra.stop();
        }
        assertFalse(TestDatabases.exists(db), "stop() drops the database");
        assertEquals(":0", redis("EXISTS " + TestDatabases.redisPrefix() + "probe"), "stop() deletes the keys");
    }

    @Test
    void omsTestInfraWithoutDatabaseOrRedisOnlyGivesKafka() {
        OmsTestInfra infra = new OmsTestInfra();
        infra.init(Map.of());
        Map<String, String> config = infra.start();
        infra.stop();
        assertEquals(Map.of("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers()), config);
    }

    private static String redis(String inlineCommand) throws Exception {
        try (Socket s = new Socket(TestDatabases.setting("OMS_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(TestDatabases.setting("OMS_REDIS_PORT", "6379")))) {
            OutputStream out = s.getOutputStream();
            out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = s.getInputStream().read()) != -1 && b != '\n') {
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }
    }
}
