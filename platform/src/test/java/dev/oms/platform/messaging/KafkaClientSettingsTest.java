package dev.oms.platform.messaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaClientSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"order-service\" password=\"p;a=s s\\\"\";";

    @Test
    void keepsOnlyTheConnectionAndSecuritySettings() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of(
                "bootstrap.servers", "oms-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/oms/kafka-ca/ca.crt",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "group.id", "order-service",
                "auto.offset.reset", "earliest"));

        assertEquals(Map.of(
                "bootstrap.servers", "oms-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/oms/kafka-ca/ca.crt"), settings.with(Map.of()));
    }

    @Test
    void plaintextIsJustTheBootstrapServersPlusTheClientsOwnSettings() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of(
                "bootstrap.servers", "127.0.0.1:9092",
                "group.id", "order-service"));

        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092", "client.id", "dlq-browser"),
                settings.with(Map.of("client.id", "dlq-browser")));
    }

    @Test
    void keepsTheTlsRegistryNameTheSslEngineFactoryNeeds() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of(
                "bootstrap.servers", "kafka:9093",
                "tls-configuration-name", "kafka",
                "ssl.engine.factory.class", "io.quarkus.kafka.client.tls.QuarkusKafkaSslEngineFactory"));

        assertEquals(3, settings.with(Map.of()).size());
    }
}
