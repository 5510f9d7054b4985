package dev.oms.order.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Goods received (positive) or written off (negative). On-hand stock never drops below what is reserved. */
public record StockAdjustment(@Min(-1_000_000) @Max(1_000_000) int delta, @NotBlank @Size(max = 200) String reason) {
}
