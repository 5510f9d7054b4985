package dev.oms.order.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A product to create or update; the price is in minor units of {@code currency} (default: the shop currency). */
public record ProductInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain only letters, digits, '.', '_' and '-'") String sku,
        @NotBlank @Size(max = 200) String name,
        @PositiveOrZero long unitPriceMinor,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @PositiveOrZero int onHand) {
}
