package dev.oms.cli.demo;

/** A product of the demo catalog; the price is in USD minor units. */
public record DemoProduct(String sku, String name, long unitPriceMinor) {
}
