package dev.oms.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Where the KPIs come from: the consumer group and topics of the {@code kpi-events} channel. */
@ApplicationScoped
public class KpiSource {

    private final String group;
    private final List<String> topics;

    public KpiSource(@ConfigProperty(name = "mp.messaging.incoming.kpi-events.group.id") String group,
                     @ConfigProperty(name = "mp.messaging.incoming.kpi-events.topics") List<String> topics) {
        this.group = group;
        this.topics = List.copyOf(topics);
    }

    public String group() {
        return group;
    }

    public List<String> topics() {
        return topics;
    }
}
