package dev.oms.cli.demo;

/** One order as the generator wrote it: its shop order id, its customer and its total at catalog prices. */
public record GeneratedOrder(String externalOrderId, DemoCustomer customer, long totalMinor) {
}
