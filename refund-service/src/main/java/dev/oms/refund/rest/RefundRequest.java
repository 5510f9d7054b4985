package dev.oms.refund.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refund asked for by support; without {@code amountMinor}, everything that can still be refunded. */
public record RefundRequest(
        @Schema(description = "Minor units of the shop currency; absent = the whole remaining amount")
        @Positive Long amountMinor,
        @NotBlank @Size(max = 500) String reason) {
}
