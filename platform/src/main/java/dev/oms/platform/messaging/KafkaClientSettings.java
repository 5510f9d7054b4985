package dev.oms.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;

import java.util.HashMap;
import java.util.Map;

/**
 * The connection and security settings every Kafka client we build ourselves must carry, so it reaches the same
 * broker listener as the messaging channels: taken from Quarkus' {@code default-kafka-broker} map, i.e. every
 * {@code kafka.*} property and {@code KAFKA_*} environment variable (lower-cased, {@code _} read as {@code .}).
 * <p>
 * Kept: {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*} and
 * {@code tls-configuration-name} (Quarkus' TLS registry puts {@code ssl.engine.factory.class} into the map, and that
 * factory needs the name). Everything else there is meant for the channels (offset reset, group id, serializers,
 * commit intervals) and would change our clients' behaviour or clash with their own settings.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";

    private final Map<String, Object> connection;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> kept = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (isConnectionSetting(key)) {
                kept.put(key, value);
            }
        });
        this.connection = Map.copyOf(kept);
    }

    /** A client's config: these settings plus its own ({@code own} wins on a shared key). */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(own);
        return config;
    }

    private static boolean isConnectionSetting(String key) {
        return key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                || key.startsWith("sasl.")
                || key.startsWith("ssl.")
                || key.equals(TLS_CONFIGURATION_NAME);
    }
}
