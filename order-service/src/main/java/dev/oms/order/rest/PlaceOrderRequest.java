package dev.oms.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An order placed through the API. {@code externalOrderId} (the shop's own id) makes the order id deterministic;
 * a line without {@code unitPriceMinor} is charged the catalog price.
 */
public record PlaceOrderRequest(
        @Size(max = 100) String externalOrderId,
        @NotNull @Valid Customer customer,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid Line> lines) {

    public record Customer(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name) {
    }

    public record Line(@NotBlank @Size(max = 64) String sku, @Positive @Max(10_000) int quantity,
                       @PositiveOrZero Long unitPriceMinor) {
    }
}
