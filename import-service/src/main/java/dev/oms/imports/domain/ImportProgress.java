package dev.oms.imports.domain;

/** Counters of a job as last recorded: data rows read, orders acknowledged by Kafka, orders and rows rejected. */
public record ImportProgress(long rowsRead, long ordersPublished, long ordersRejected, long rowsRejected) {
}
