package dev.oms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oms.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.oms.deploy.DeployFiles.SERVICES;
import static dev.oms.deploy.DeployFiles.applicationProperties;
import static dev.oms.deploy.DeployFiles.root;
import static dev.oms.deploy.DeployFiles.run;
import static dev.oms.deploy.DeployFiles.yamlDocuments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docker-compose.yml as docker-compose itself reads it ({@code docker-compose config}: anchors merged, variables
 * given their defaults), checked against what the services, the topic list and the database accounts expect.
 */
class ComposeFileTest {

    private static final String TOPIC_INIT = "kafka-topics";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern CREATE_TOPIC = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)\\s+(-?\\d+)\\s*$");
    private static final Pattern ACCOUNT = Pattern.compile(
            "(?m)^account\\s+(\\w+)\\s+(\\w+)\\s+\"\\$\\{(\\w+):\\?}\"\\s*$");
    private static final String INIT_DIR = "/docker-entrypoint-initdb.d";
    private static final Path ACCOUNTS_SCRIPT = Path.of("deploy/mysql-init/01-service-accounts.sh");

    private static JsonNode services;
    private static JsonNode volumes;

    @BeforeAll
    static void renderWithDockerCompose() {
        JsonNode compose = yamlDocuments(run("docker-compose", "-f", "docker-compose.yml", "config")).get(0);
        services = compose.path("services");
        volumes = compose.path("volumes");
    }

    @Test
    void definesTheSixServicesTheStoresAndTheTopicStep() {
        Set<String> expected = new HashSet<>(SERVICES);
        expected.addAll(List.of("mysql", "redis", "kafka", TOPIC_INIT));
        Set<String> actual = new HashSet<>();
        services.fieldNames().forEachRemaining(actual::add);
        assertEquals(expected, actual);
    }

    @Test
    void storesAreMySql84Redis7WithAofAndTheOfficialKafkaImageInKraftMode() {
        assertEquals("mysql:8.4", image("mysql"));
        assertTrue(image("redis").matches("redis:7([.-].*)?"), image("redis"));
        List<String> redisCommand = strings(services.path("redis").path("command"));
        int aof = redisCommand.indexOf("--appendonly");
        assertTrue(aof >= 0 && "yes".equals(redisCommand.get(aof + 1)), "redis runs with --appendonly yes: " + redisCommand);

        assertTrue(image("kafka").matches("apache/kafka:4\\.\\d+\\.\\d+"), image("kafka"));
        assertEquals(image("kafka"), image(TOPIC_INIT), "the topic step uses the broker's own tools");
        Map<String, String> kafka = environment("kafka");
        assertEquals(Set.of("broker", "controller"), Set.of(kafka.getOrDefault("KAFKA_PROCESS_ROLES", "").split(",")),
                "a single KRaft node is broker and controller");
        assertTrue(kafka.containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS"), "KRaft needs its controller quorum");
        assertEquals("false", kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"),
                "topics come from the topic step only, with their partitions and retention");
    }

    @Test
    void storesKeepTheirDataInNamedVolumes() {
        assertNamedVolumeAt("mysql", "/var/lib/mysql");
        assertNamedVolumeAt("redis", "/data");
        String kafkaLogs = environment("kafka").get("KAFKA_LOG_DIRS");
        assertTrue(kafkaLogs != null && !kafkaLogs.contains(","), "one Kafka log directory: " + kafkaLogs);
        assertNamedVolumeAt("kafka", kafkaLogs);
    }

    @Test
    void everyServiceIsHealthCheckedOnReadinessAndWaitsForHealthyDependencies() {
        for (String service : SERVICES) {
            JsonNode healthcheck = services.path(service).path("healthcheck");
            String port = httpPort(service);
            String test = String.join(" ", strings(healthcheck.path("test")))
                    .replace("$${QUARKUS_HTTP_PORT}", environment(service).getOrDefault("QUARKUS_HTTP_PORT", "?"));
            assertTrue(test.contains("localhost:" + port + "/q/health/ready"), service + " healthcheck: " + test);
            if (test.contains("curl")) {
                // curl is in the UBI OpenJDK runtime images, not in every JVM image.
                assertTrue(dockerfile(service, "jvm").contains("FROM registry.access.redhat.com/ubi9/openjdk-"),
                        service + " healthcheck runs curl, which its image must have");
            }

            JsonNode dependsOn = services.path(service).path("depends_on");
            assertEquals("service_healthy", dependsOn.path("kafka").path("condition").asText(), service + " → kafka");
            assertEquals("service_completed_successfully", dependsOn.path(TOPIC_INIT).path("condition").asText(),
                    service + " starts after the topics exist");
            Properties properties = applicationProperties(service);
            if (properties.containsKey("quarkus.datasource.db-kind")) {
                assertEquals("service_healthy", dependsOn.path("mysql").path("condition").asText(), service + " → mysql");
            }
            if (properties.containsKey("quarkus.redis.hosts")) {
                assertEquals("service_healthy", dependsOn.path("redis").path("condition").asText(), service + " → redis");
            }
        }
        services.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields().forEachRemaining(dep -> {
            String condition = dep.getValue().path("condition").asText();
            String expected = dep.getKey().equals(TOPIC_INIT) ? "service_completed_successfully" : "service_healthy";
            assertEquals(expected, condition, service.getKey() + " → " + dep.getKey());
            if (condition.equals("service_healthy")) {
                assertFalse(services.path(dep.getKey()).path("healthcheck").path("test").isMissingNode(),
                        dep.getKey() + " needs a healthcheck, since " + service.getKey() + " waits for it to be healthy");
            }
        }));
    }

    @Test
    void topicStepCreatesEveryTopicWithItsPartitionsAndRetention() {
        JsonNode topicInit = services.path(TOPIC_INIT);
        assertEquals("service_healthy", topicInit.path("depends_on").path("kafka").path("condition").asText());
        String script = String.join("\n", strings(topicInit.path("entrypoint")))
                + "\n" + String.join("\n", strings(topicInit.path("command")));
        String create = script.replace("$$", "$").replaceAll("\\\\\\s*\\n\\s*", " ");
        for (String part : List.of("/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists",
                "--topic \"$1\"", "--partitions \"$2\"", "--config retention.ms=\"$3\"")) {
            assertTrue(create.contains(part), "create() runs " + part + ":\n" + script);
        }
        assertTrue(script.contains("-e"), "the step fails when a topic cannot be created");

        Map<String, String> expected = new TreeMap<>();
        Topics.all().forEach(t -> expected.put(t.name(), t.partitions() + " partitions, retention.ms " + t.retentionMs()));
        Map<String, String> actual = new TreeMap<>();
        Matcher m = CREATE_TOPIC.matcher(script);
        while (m.find()) {
            String previous = actual.put(m.group(1), m.group(2) + " partitions, retention.ms " + m.group(3));
            assertEquals(null, previous, "topic created twice: " + m.group(1));
        }
        assertEquals(expected, actual);
    }

    @Test
    void eachServicePublishesItsOwnHttpPort() {
        for (String service : SERVICES) {
            String port = httpPort(service);
            List<String> published = new ArrayList<>();
            for (JsonNode mapping : services.path(service).path("ports")) {
                published.add(mapping.path("published").asText() + ":" + mapping.path("target").asText());
            }
            assertEquals(List.of(port + ":" + port), published, service);
            String envPort = environment(service).get("QUARKUS_HTTP_PORT");
            assertTrue(envPort == null || envPort.equals(port), service + " QUARKUS_HTTP_PORT " + envPort);
        }
    }

    @Test
    void servicesAreGivenOnlySettingsTheyRead() {
        Properties platform = properties(root().resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        for (String service : SERVICES) {
            Properties own = applicationProperties(service);
            Set<String> readable = readableEnvironment(own);
            readable.addAll(readableEnvironment(platform));
            Map<String, String> env = environment(service);
            for (String key : env.keySet()) {
                assertTrue(readable.contains(key), service + " does not read " + key);
            }
            boolean hasDatabase = own.containsKey("quarkus.datasource.db-kind");
            for (String key : List.of("OMS_DB_HOST", "OMS_DB_USER", "OMS_DB_PASSWORD")) {
                assertEquals(hasDatabase, env.containsKey(key), service + " " + key + " (database: " + hasDatabase + ")");
            }
            if (own.containsKey("quarkus.redis.hosts")) {
                assertEquals("redis://redis:6379", env.get("OMS_REDIS_URL"), service);
            }
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), service);
        }
    }

    @Test
    void eachDatabaseServiceLogsInWithItsOwnAccountOnItsOwnSchema() throws IOException {
        assertTrue(strings(services.path("mysql").path("volumes")).stream()
                        .anyMatch(v -> v.endsWith(ACCOUNTS_SCRIPT + ":" + INIT_DIR + "/" + ACCOUNTS_SCRIPT.getFileName()
                                + ":ro")),
                "mysql runs " + ACCOUNTS_SCRIPT + " when it initialises its volume");
        String script = Files.readString(root().resolve(ACCOUNTS_SCRIPT));
        assertTrue(script.contains("GRANT ALL PRIVILEGES ON \\`$escaped\\`.* TO '$1'@'%'"),
                "each account gets rights on its own schema only");
        Map<String, String[]> accounts = new LinkedHashMap<>();
        Matcher m = ACCOUNT.matcher(script);
        while (m.find()) {
            accounts.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        Map<String, String> mysql = environment("mysql");
        Set<String> users = new HashSet<>();
        for (String service : SERVICES) {
            Properties properties = applicationProperties(service);
            if (!properties.containsKey("quarkus.datasource.db-kind")) {
                continue;
            }
            Map<String, String> env = environment(service);
            String user = env.get("OMS_DB_USER");
            assertTrue(users.add(user), "account shared by several services: " + user);
            String[] account = accounts.get(user);
            assertTrue(account != null, service + " logs in as " + user + ", which the init script does not create");
            assertEquals(defaultOf(properties.getProperty("oms.db.name")), account[0], service + " schema");
            assertEquals(mysql.get(account[1]), env.get("OMS_DB_PASSWORD"),
                    service + " password must be the one mysql creates " + user + " with (" + account[1] + ")");
            assertEquals("mysql", env.get("OMS_DB_HOST"), service);
        }
    }

    @Test
    void everyServiceHasNonRootJvmAndNativeDockerfiles() {
        for (String service : SERVICES) {
            JsonNode build = services.path(service).path("build");
            assertEquals(root().resolve(service).toString(), build.path("context").asText(), service + " build context");
            assertEquals("src/main/docker/Dockerfile.jvm", build.path("dockerfile").asText(), service);
            assertTrue(image(service).startsWith("oms/" + service + ":"), image(service));

            for (String kind : List.of("jvm", "native")) {
                String user = lastInstruction(dockerfile(service, kind), "USER");
                assertFalse(user.isEmpty() || user.equals("root") || user.startsWith("0"),
                        service + " Dockerfile." + kind + " runs as USER " + user);
            }
            String jvm = dockerfile(service, "jvm");
            for (String layer : List.of("target/quarkus-app/lib/ ", "target/quarkus-app/app/ ",
                    "target/quarkus-app/quarkus/ ", "target/quarkus-app/*.jar ")) {
                assertTrue(jvm.lines().anyMatch(l -> l.startsWith("COPY") && l.contains(layer)),
                        service + " Dockerfile.jvm copies " + layer.trim());
            }
            assertTrue(jvm.contains("quarkus-run.jar"), service + " Dockerfile.jvm runs quarkus-run.jar");
            assertTrue(dockerfile(service, "native").contains("target/*-runner"), service + " Dockerfile.native");
        }
    }

    private static void assertNamedVolumeAt(String service, String path) {
        for (String mount : strings(services.path(service).path("volumes"))) {
            String[] parts = mount.split(":");
            if (parts.length >= 2 && parts[1].equals(path)) {
                assertTrue(volumes.has(parts[0]), service + " mounts " + parts[0] + ", which is no named volume");
                return;
            }
        }
        fail(service + " keeps " + path + " in no volume");
    }

    /** The env names a service reads: its placeholders, and the env form of every property it sets (Quarkus rules). */
    private static Set<String> readableEnvironment(Properties properties) {
        Set<String> names = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                names.add(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
            Matcher m = PLACEHOLDER.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String defaultOf(String value) {
        Matcher m = Pattern.compile("\\$\\{\\w+:([^}]*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    private static String httpPort(String service) {
        return applicationProperties(service).getProperty("quarkus.http.port");
    }

    private static String image(String service) {
        return services.path(service).path("image").asText();
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new TreeMap<>();
        services.path(service).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String dockerfile(String service, String kind) {
        Path file = root().resolve(service).resolve("src/main/docker/Dockerfile." + kind);
        assertTrue(Files.isRegularFile(file), file + " is missing");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastInstruction(String dockerfile, String instruction) {
        String value = "";
        for (String line : dockerfile.lines().toList()) {
            if (line.startsWith(instruction + " ")) {
                value = line.substring(instruction.length() + 1).trim();
            }
        }
        return value;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
