package dev.oms.imports.domain;

/**
 * Counters of a run as last recorded: data rows read, orders found valid, orders acknowledged by Kafka, orders
 * and rows rejected, bytes of the file read, the checkpoint (the first {@code checkpoint} valid orders are all
 * acknowledged), and how long the run has taken so far.
 */
public record ImportProgress(long rowsRead, long ordersValid, long ordersPublished, long ordersRejected,
                             long rowsRejected, long bytesRead, long checkpoint, long runMillis) {
}
