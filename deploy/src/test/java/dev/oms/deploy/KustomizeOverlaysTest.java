package dev.oms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oms.events.Topics;
import dev.oms.events.Topics.TopicSpec;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders {@code deploy/kubernetes/overlays/dev} and {@code prod} with {@code kubectl kustomize} and checks the result
 * against the services' own config and {@link Topics#all()}: what the manifests promise each service (probes,
 * resources, hardening, a PDB, a NetworkPolicy, one scaler), every topic, every Kafka user's rights, images, ports
 * and env keys.
 */
class KustomizeOverlaysTest {

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topics?");
    /** Read by the JVM itself whatever launches it; no Quarkus property. */
    private static final Set<String> JVM_ENV = Set.of("JAVA_TOOL_OPTIONS");

    private static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> DeployFiles.yamlDocuments(
                DeployFiles.run("kubectl", "kustomize", "deploy/kubernetes/overlays/" + o)));
    }

    // ---- per service: workload ----

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADeploymentWithProbesResourcesAndAHardenedPod(String overlay) {
        List<JsonNode> docs = render(overlay);
        for (String service : DeployFiles.SERVICES) {
            JsonNode pod = deployment(docs, service).path("spec").path("template").path("spec");
            JsonNode container = container(docs, service);
            int port = httpPort(service);
            assertEquals(port, containerPort(container, "http"), service + ": containerPort = quarkus.http.port");
            for (Map.Entry<String, String> probe : Map.of("startupProbe", "/q/health/started", "livenessProbe",
                    "/q/health/live", "readinessProbe", "/q/health/ready").entrySet()) {
                JsonNode get = container.path(probe.getKey()).path("httpGet");
                assertEquals(probe.getValue(), get.path("path").asText(), overlay + " " + service + " " + probe.getKey());
                assertEquals(port, resolvePort(container, get.path("port")), overlay + " " + service + " "
                        + probe.getKey() + " port");
            }
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertFalse(container.path("resources").path(bound).path(resource).asText().isEmpty(),
                            overlay + " " + service + ": resources." + bound + "." + resource);
                }
            }
            JsonNode podSecurity = pod.path("securityContext");
            JsonNode security = container.path("securityContext");
            assertTrue(security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean()),
                    service + ": runAsNonRoot");
            assertTrue(security.path("runAsUser").asLong(podSecurity.path("runAsUser").asLong(0)) > 0,
                    service + ": runAsUser is not root");
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), service + ": readOnlyRootFilesystem");
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), service + ": allowPrivilegeEscalation");
            assertTrue(texts(security.path("capabilities").path("drop")).contains("ALL"), service + ": drops ALL");
            String tmpVolume = stream(container.path("volumeMounts"))
                    .filter(m -> m.path("mountPath").asText().equals("/tmp")).map(m -> m.path("name").asText())
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + " " + service + ": nothing at /tmp"));
            assertTrue(stream(pod.path("volumes")).anyMatch(v -> v.path("name").asText().equals(tmpVolume)
                    && v.has("emptyDir")), overlay + " " + service + ": /tmp is an emptyDir");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesAreTheModulesWithATag(String overlay) {
        List<JsonNode> docs = render(overlay);
        for (String service : DeployFiles.SERVICES) {
            String image = container(docs, service).path("image").asText();
            int colon = image.lastIndexOf(':');
            assertTrue(colon > image.lastIndexOf('/'), overlay + " " + service + ": image has a tag: " + image);
            String repository = image.substring(0, colon);
            assertTrue(repository.equals("oms/" + service) || repository.endsWith("/oms/" + service),
                    overlay + " " + service + ": image oms/" + service + ", not " + image);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasAServiceAPodDisruptionBudgetAndANetworkPolicy(String overlay) {
        List<JsonNode> docs = render(overlay);
        for (String service : DeployFiles.SERVICES) {
            Map<String, String> podLabels = labels(deployment(docs, service).path("spec").path("template")
                    .path("metadata").path("labels"));

            JsonNode svc = named(docs, "Service", service);
            assertTrue(selects(labels(svc.path("spec").path("selector")), podLabels), service + ": Service selects the pods");
            JsonNode svcPort = svc.path("spec").path("ports").path(0);
            assertEquals(httpPort(service), resolvePort(container(docs, service), svcPort.path("targetPort")),
                    service + ": Service targets the HTTP port");

            JsonNode pdb = named(docs, "PodDisruptionBudget", service);
            assertEquals(1, pdb.path("spec").path("maxUnavailable").asInt(-1), service + ": PDB maxUnavailable 1");
            assertTrue(selects(labels(pdb.path("spec").path("selector").path("matchLabels")), podLabels),
                    service + ": PDB selects the pods");

            assertTrue(ofKind(docs, "NetworkPolicy").stream().anyMatch(policy -> {
                Map<String, String> selector = labels(policy.path("spec").path("podSelector").path("matchLabels"));
                return service.equals(selector.get("app.kubernetes.io/name")) && selects(selector, podLabels)
                        && texts(policy.path("spec").path("policyTypes")).containsAll(List.of("Ingress", "Egress"));
            }), overlay + " " + service + ": a NetworkPolicy of its own pods, for ingress and egress");
        }
    }

    /** KEDA makes an HPA of its own from a ScaledObject: a Deployment with both would be scaled by two masters. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasExactlyOneScalerAndConsumersScaleOnTheirLag(String overlay) {
        List<JsonNode> docs = render(overlay);
        Map<String, Integer> partitions = Topics.all().stream()
                .collect(Collectors.toMap(TopicSpec::name, TopicSpec::partitions));
        for (String service : DeployFiles.SERVICES) {
            List<JsonNode> scaledObjects = ofKind(docs, "ScaledObject").stream()
                    .filter(s -> targets(s.path("spec").path("scaleTargetRef"), service)).toList();
            List<JsonNode> hpas = ofKind(docs, "HorizontalPodAutoscaler").stream()
                    .filter(s -> targets(s.path("spec").path("scaleTargetRef"), service)).toList();
            assertEquals(1, scaledObjects.size() + hpas.size(), overlay + " " + service
                    + ": one ScaledObject or one HorizontalPodAutoscaler, found " + scaledObjects.size() + " and " + hpas.size());

            Map<String, String> consumed = consumedTopics(service);
            if (consumed.isEmpty()) {
                assertEquals(1, hpas.size(), service + " consumes nothing: an HPA on CPU");
                assertTrue(stream(hpas.get(0).path("spec").path("metrics")).anyMatch(
                        m -> m.path("resource").path("name").asText().equals("cpu")), service + ": the HPA scales on CPU");
                continue;
            }
            assertEquals(1, scaledObjects.size(), service + " consumes Kafka: a KEDA ScaledObject on its lag");
            JsonNode scaled = scaledObjects.get(0);
            List<JsonNode> kafka = stream(scaled.path("spec").path("triggers"))
                    .filter(t -> t.path("type").asText().equals("kafka")).toList();
            for (Map.Entry<String, String> topic : consumed.entrySet()) {
                assertTrue(kafka.stream().anyMatch(t -> t.path("metadata").path("topic").asText().equals(topic.getKey())
                                && t.path("metadata").path("consumerGroup").asText().equals(topic.getValue())),
                        overlay + " " + service + ": a kafka trigger on " + topic.getKey() + " for group " + topic.getValue());
            }
            for (JsonNode trigger : kafka) {
                assertTrue(consumed.containsKey(trigger.path("metadata").path("topic").asText()),
                        service + ": a trigger on a topic it does not consume: " + trigger);
                assertFalse(trigger.path("metadata").path("lagThreshold").asText().isEmpty(), service + ": lagThreshold");
                JsonNode auth = named(docs, "TriggerAuthentication", trigger.path("authenticationRef").path("name").asText());
                assertTrue(stream(auth.path("spec").path("secretTargetRef")).anyMatch(
                                r -> r.path("parameter").asText().equals("password") && r.path("name").asText().equals(service)),
                        service + ": KEDA signs in with the password of the KafkaUser " + service);
            }
            int fewestPartitions = consumed.keySet().stream().mapToInt(partitions::get).min().orElseThrow();
            assertTrue(scaled.path("spec").path("maxReplicaCount").asInt() <= fewestPartitions,
                    service + ": more replicas than partitions would sit idle");
            assertTrue(scaled.path("spec").path("minReplicaCount").asInt() >= 1, service + ": never scaled to zero");
        }
    }

    // ---- Kafka ----

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfTheCodeIsAKafkaTopicWithItsPartitionsAndRetention(String overlay) {
        List<JsonNode> docs = render(overlay);
        Map<String, JsonNode> topics = ofKind(docs, "KafkaTopic").stream()
                .collect(Collectors.toMap(KustomizeOverlaysTest::topicName, t -> t));
        for (TopicSpec spec : Topics.all()) {
            JsonNode topic = topics.get(spec.name());
            assertNotNull(topic, overlay + ": no KafkaTopic " + spec.name());
            assertEquals(spec.partitions(), topic.path("spec").path("partitions").asInt(), spec.name() + " partitions");
            JsonNode retention = topic.path("spec").path("config").path("retention.ms");
            assertFalse(retention.isMissingNode(), spec.name() + ": retention.ms");
            assertEquals(spec.retentionMs(), retention.asLong(), spec.name() + " retention.ms");
            assertEquals("oms", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), spec.name());
        }
        Set<String> known = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertEquals(known, topics.keySet(), overlay + ": KafkaTopics the code does not name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaUsersMayUseOnlyExistingTopicsAndTheirOwnGroup(String overlay) {
        List<JsonNode> docs = render(overlay);
        Set<String> topics = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        Set<String> groups = new TreeSet<>();
        DeployFiles.SERVICES.forEach(s -> groups.addAll(consumedTopics(s).values()));
        for (String service : DeployFiles.SERVICES) {
            JsonNode user = named(docs, "KafkaUser", service);
            assertFalse(user.path("spec").path("authentication").path("type").asText().isEmpty(), service + ": authenticates");
            Set<String> ownGroups = new HashSet<>(consumedTopics(service).values());
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String name = resource.path("name").asText();
                Set<String> operations = new HashSet<>(texts(acl.path("operations")));
                boolean prefix = resource.path("patternType").asText("literal").equals("prefix");
                boolean describeOnly = Set.of("Describe").containsAll(operations);
                String where = overlay + " KafkaUser " + service + " " + resource.path("type").asText() + " " + name;
                switch (resource.path("type").asText()) {
                    case "topic" -> {
                        if (prefix) {
                            assertTrue(describeOnly, where + ": a prefix may only grant Describe");
                            assertTrue(topics.stream().anyMatch(t -> t.startsWith(name)), where + ": matches no topic");
                        } else {
                            assertTrue(topics.contains(name), where + ": no such topic");
                        }
                    }
                    case "group" -> {
                        assertFalse(prefix, where + ": groups by name only");
                        if (describeOnly) {
                            assertTrue(groups.contains(name), where + ": no service uses this group");
                        } else {
                            assertTrue(ownGroups.contains(name), where + ": only its own group may be read");
                        }
                    }
                    default -> fail(where + ": only topic and group ACLs are expected");
                }
            }
            for (Map.Entry<String, String> consumed : consumedTopics(service).entrySet()) {
                assertTrue(allows(user, "topic", consumed.getKey(), "Read"), service + " may read " + consumed.getKey());
                assertTrue(allows(user, "group", consumed.getValue(), "Read"), service + " may use group " + consumed.getValue());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaListenersAuthenticateAndAuthorize(String overlay) {
        JsonNode kafka = ofKind(render(overlay), "Kafka").get(0).path("spec").path("kafka");
        assertEquals("simple", kafka.path("authorization").path("type").asText(), "ACLs are enforced");
        for (JsonNode listener : kafka.path("listeners")) {
            assertFalse(listener.path("authentication").path("type").asText().isEmpty(),
                    "listener " + listener.path("name").asText() + " lets anonymous clients in");
        }
    }

    // ---- config ----

    /**
     * An env key is one the service reads when it is (1) a {@code ${KEY}} placeholder of its application.properties or
     * of the platform's shared microprofile-config.properties, (2) the Quarkus env form of a property set there
     * (upper-case, every non-alphanumeric character an underscore), (3) {@code KAFKA_<setting>} where the setting
     * (lower-case, underscores as dots) is a Kafka client config, since Quarkus hands every {@code kafka.*} property
     * to every Kafka client of the service, or (4) {@link #JVM_ENV}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvKeyIsOneTheServiceReads(String overlay) {
        List<JsonNode> docs = render(overlay);
        Set<String> kafkaSettings = new HashSet<>(ProducerConfig.configNames());
        kafkaSettings.addAll(ConsumerConfig.configNames());
        kafkaSettings.addAll(AdminClientConfig.configNames());
        for (String service : DeployFiles.SERVICES) {
            Set<String> readable = new HashSet<>(JVM_ENV);
            for (Properties properties : List.of(DeployFiles.applicationProperties(service), sharedProperties())) {
                for (String key : properties.stringPropertyNames()) {
                    readable.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
                    Matcher placeholder = PLACEHOLDER.matcher(properties.getProperty(key));
                    while (placeholder.find()) {
                        readable.add(placeholder.group(1));
                    }
                }
            }
            Set<String> keys = envKeys(docs, service);
            assertTrue(keys.contains("KAFKA_BOOTSTRAP_SERVERS"), service + ": gets the brokers");
            for (String key : keys) {
                boolean kafkaSetting = key.startsWith("KAFKA_")
                        && kafkaSettings.contains(key.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'));
                assertTrue(readable.contains(key) || kafkaSetting, overlay + " " + service + " gets " + key
                        + ", which it never reads");
            }
        }
    }

    /** What the services read from files must be where the manifests mount it. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void filesNamedInTheEnvAreMounted(String overlay) {
        List<JsonNode> docs = render(overlay);
        for (String service : DeployFiles.SERVICES) {
            Map<String, String> env = envValues(docs, service);
            List<String> mounts = stream(container(docs, service).path("volumeMounts"))
                    .map(m -> m.path("mountPath").asText()).toList();
            for (String key : List.of("OMS_JWT_PUBLIC_KEY_LOCATION", "KAFKA_SSL_TRUSTSTORE_LOCATION",
                    "OMS_IMPORTS_WORK_DIRECTORY")) {
                String value = env.get(key);
                if (value != null) {
                    String path = value.replaceFirst("^file:", "");
                    assertTrue(mounts.stream().anyMatch(path::startsWith), overlay + " " + service + ": " + key + "="
                            + value + " is on no volume (the root filesystem is read-only)");
                }
            }
        }
    }

    @Test
    void devRunsMysqlAndRedisWithVolumesAndProdRunsNeither() {
        for (String name : List.of("mysql", "redis")) {
            JsonNode statefulSet = named(render("dev"), "StatefulSet", name);
            assertFalse(statefulSet.path("spec").path("volumeClaimTemplates").isEmpty(), "dev " + name + " keeps its data");
            assertTrue(ofKind(render("prod"), "StatefulSet").stream().noneMatch(s -> {
                String image = s.path("spec").path("template").path("spec").path("containers").path(0)
                        .path("image").asText();
                return s.path("metadata").path("name").asText().equals(name) || image.startsWith(name + ":");
            }), "prod runs no " + name + " of its own");
        }
        assertTrue(stream(named(render("dev"), "StatefulSet", "redis").path("spec").path("template").path("spec")
                .path("containers").path(0).path("args")).map(JsonNode::asText).collect(Collectors.joining(" "))
                .contains("--appendonly yes"), "dev Redis keeps an append-only file");
    }

    /** Production secrets are created in the cluster; the only Secret prod renders holds Kafka user names. */
    @Test
    void prodCommitsNoSecrets() {
        List<String> secrets = ofKind(render("prod"), "Secret").stream()
                .map(s -> s.path("metadata").path("name").asText()).toList();
        assertEquals(List.of("kafka-usernames"), secrets);
    }

    @Test
    void devJwtKeyIsTheDevelopmentKeyOfTheServices() throws IOException {
        String committed = Files.readString(DeployFiles.root()
                .resolve("deploy/kubernetes/overlays/dev/development-only/jwt-public-key.pem"));
        String services = Files.readString(DeployFiles.root()
                .resolve("platform/src/main/resources/META-INF/oms/development-only-jwt-public-key.pem"));
        assertEquals(services, committed, "dev tokens (./oms token) must be accepted in the dev overlay");
    }

    // ---- helpers ----

    /** Topic consumed → consumer group id, from the service's {@code mp.messaging.incoming.*} channels. */
    private static Map<String, String> consumedTopics(String service) {
        Properties properties = DeployFiles.applicationProperties(service);
        Map<String, String> consumed = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = INCOMING.matcher(key);
            if (channel.matches()) {
                String group = properties.getProperty("mp.messaging.incoming." + channel.group(1) + ".group.id",
                        properties.getProperty("quarkus.application.name"));
                for (String topic : properties.getProperty(key).split(",")) {
                    consumed.put(topic.trim(), group);
                }
            }
        }
        return consumed;
    }

    private static Properties sharedProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(DeployFiles.root()
                .resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static int httpPort(String service) {
        return Integer.parseInt(DeployFiles.applicationProperties(service).getProperty("quarkus.http.port"));
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode deployment(List<JsonNode> docs, String service) {
        return named(docs, "Deployment", service);
    }

    private static JsonNode container(List<JsonNode> docs, String service) {
        return stream(deployment(docs, service).path("spec").path("template").path("spec").path("containers"))
                .filter(c -> c.path("name").asText().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": no container named " + service));
    }

    private static int containerPort(JsonNode container, String name) {
        return stream(container.path("ports")).filter(p -> p.path("name").asText().equals(name))
                .mapToInt(p -> p.path("containerPort").asInt()).findFirst().orElse(-1);
    }

    /** A probe's or Service's port: a number, or the name of a container port. */
    private static int resolvePort(JsonNode container, JsonNode port) {
        return port.isInt() ? port.asInt() : containerPort(container, port.asText());
    }

    private static boolean targets(JsonNode scaleTargetRef, String deployment) {
        return scaleTargetRef.path("kind").asText("Deployment").equals("Deployment")
                && scaleTargetRef.path("name").asText().equals(deployment);
    }

    private static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
    }

    private static boolean allows(JsonNode user, String type, String name, String operation) {
        return stream(user.path("spec").path("authorization").path("acls")).anyMatch(acl ->
                acl.path("resource").path("type").asText().equals(type)
                        && acl.path("resource").path("name").asText().equals(name)
                        && acl.path("resource").path("patternType").asText("literal").equals("literal")
                        && texts(acl.path("operations")).contains(operation));
    }

    /** Every env key the service's container gets: its env list and the keys of the ConfigMaps it takes whole. */
    private static Set<String> envKeys(List<JsonNode> docs, String service) {
        return envValues(docs, service).keySet();
    }

    /** Env key → literal value (secret-sourced keys map to ""), ConfigMaps of envFrom included. */
    private static Map<String, String> envValues(List<JsonNode> docs, String service) {
        JsonNode container = container(docs, service);
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText();
            assertFalse(configMap.isEmpty(), service + ": envFrom takes ConfigMaps only (secrets key by key)");
            named(docs, "ConfigMap", configMap).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            env.put(variable.path("name").asText(), variable.path("value").asText(""));
        }
        return env;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new java.util.HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** A non-empty selector whose every label the pod has. */
    private static boolean selects(Map<String, String> selector, Map<String, String> podLabels) {
        return !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
