package dev.oms.order.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** New name and price of a product; stock changes go through stock adjustments. */
public record ProductUpdate(@NotBlank @Size(max = 200) String name, @PositiveOrZero long unitPriceMinor) {
}
