package dev.oms.imports.domain;

/**
 * Counters of a run as last recorded: data rows read, orders found valid, orders acknowledged by Kafka, orders
 * and rows rejected, bytes of the file read, and the checkpoint (the first {@code checkpoint} valid orders are
 * all acknowledged).
 */
public record ImportProgress(long rowsRead, long ordersValid, long ordersPublished, long ordersRejected,
                             long rowsRejected, long bytesRead, long checkpoint) {
}
