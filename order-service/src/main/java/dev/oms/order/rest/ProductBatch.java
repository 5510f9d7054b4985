package dev.oms.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

public record ProductBatch(@NotEmpty @Size(max = 1000) List<@Valid ProductInput> products) {
}
