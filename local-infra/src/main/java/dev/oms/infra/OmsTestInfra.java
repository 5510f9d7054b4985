package dev.oms.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: the JVM's shared in-JVM Kafka broker, a fresh MariaDB/MySQL database and the Redis prefix.
 * <pre>
 * &#64;WithTestResource(value = OmsTestInfra.class, initArgs = {
 *         &#64;ResourceArg(name = "database", value = "oms_orders"),
 *         &#64;ResourceArg(name = "redis", value = "true")})
 * </pre>
 * Init args: {@code database} (base name, optional), {@code redis} ({@code true}, optional).
 * Config returned: {@code kafka.bootstrap.servers}; with a database {@code oms.db.host}, {@code oms.db.port},
 * {@code oms.db.name} (the fresh database), {@code oms.db.user}, {@code oms.db.password}; with redis
 * {@code quarkus.redis.hosts} and {@code oms.redis.key-prefix}.
 * {@link #stop()} drops the database and deletes the Redis keys under the prefix.
 */
public class OmsTestInfra implements QuarkusTestResourceLifecycleManager {

    private String databaseBase;
    private boolean redis;
    private String createdDatabase;
    private String redisHost;
    private int redisPort;

    @Override
    public void init(Map<String, String> initArgs) {
        String db = initArgs.get("database");
        databaseBase = db == null || db.isBlank() ? null : db.trim();
        redis = Boolean.parseBoolean(initArgs.getOrDefault("redis", "false").trim());
    }

    @Override
    public Map<String, String> start() {
        redisHost = TestDatabases.setting("OMS_REDIS_HOST", "127.0.0.1");
        redisPort = Integer.parseInt(TestDatabases.setting("OMS_REDIS_PORT", "6379"));
        // Check everything first so a missing dependency fails fast with its own message.
        if (databaseBase != null) {
            InfraCheck.requireMysql(TestDatabases.host(), TestDatabases.port(), TestDatabases.user(),
                    TestDatabases.password());
        }
        if (redis) {
            InfraCheck.requireRedis(redisHost, redisPort);
        }

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        if (databaseBase != null) {
            createdDatabase = TestDatabases.createFresh(databaseBase);
            config.put("oms.db.host", TestDatabases.host());
            config.put("oms.db.port", Integer.toString(TestDatabases.port()));
            config.put("oms.db.name", createdDatabase);
            config.put("oms.db.user", TestDatabases.user());
            config.put("oms.db.password", TestDatabases.password());
        }
        if (redis) {
            RedisKeys.deleteByPrefix(redisHost, redisPort, TestDatabases.redisPrefix());
            config.put("quarkus.redis.hosts", "redis://" + redisHost + ":" + redisPort);
            config.put("oms.redis.key-prefix", TestDatabases.redisPrefix());
        }
        return config;
    }

    @Override
    public void stop() {
        if (createdDatabase != null) {
            TestDatabases.drop(createdDatabase);
            createdDatabase = null;
        }
        if (redis) {
            try {
                RedisKeys.deleteByPrefix(redisHost, redisPort, TestDatabases.redisPrefix());
            } catch (RuntimeException e) {
                System.err.println("OmsTestInfra: " + e.getMessage());
            }
        }
    }
}
