package dev.oms.analytics.service;

/** Where a record was read from: the progress analytics stores per (group, topic, partition). */
public record RecordPosition(String group, String topic, int partition, long offset) {
}
