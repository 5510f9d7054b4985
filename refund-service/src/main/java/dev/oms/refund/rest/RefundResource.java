package dev.oms.refund.rest;

import dev.oms.platform.rest.ProblemException;
import dev.oms.platform.security.Roles;
import dev.oms.refund.domain.Refund;
import dev.oms.refund.service.RefundRequests;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Refunds: support requests them (once per Idempotency-Key) and reads them. A granted refund is PENDING until the
 * payment side settles it.
 */
@Path("/")
public class RefundResource {

    private static final String KEY_HEADER = "Idempotency-Key";

    private final RefundRequests requests;

    public RefundResource(RefundRequests requests) {
        this.requests = requests;
    }

    @POST
    @Path("/orders/{orderId}/refunds")
    @RolesAllowed(Roles.SUPPORT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund (part of) a paid order; no amount = all that can still be refunded")
    @APIResponse(responseCode = "202", description = "Granted, PENDING; Location names the refund. The same key and "
            + "body again answer the same refund",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key header, or an invalid body")
    @APIResponse(responseCode = "409", description = "The first request with this key is still being processed")
    @APIResponse(responseCode = "422", description = "Not refundable (not paid, already fully refunded, or more than "
            + "remains: remainingMinor says what can be), or the key was used with another body")
    public Response request(@PathParam("orderId") UUID orderId,
                            @HeaderParam(KEY_HEADER) @Size(max = 200) String idempotencyKey,
                            @Valid @NotNull RefundRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.badRequest(KEY_HEADER, "an Idempotency-Key header is required, so that a retried "
                    + "request never refunds twice");
        }
        UUID refundId = requests.request(orderId, idempotencyKey, request).resourceId();
        return Response.accepted(RefundView.of(Refund.findById(refundId)))
                .location(URI.create("/refunds/" + refundId)).build();
    }

    @GET
    @Path("/refunds/{refundId}")
    @RolesAllowed(Roles.SUPPORT)
    public RefundView get(@PathParam("refundId") UUID refundId) {
        return Refund.<Refund>findByIdOptional(refundId).map(RefundView::of)
                .orElseThrow(() -> ProblemException.notFound("refund", refundId));
    }

    @GET
    @Path("/orders/{orderId}/refunds")
    @RolesAllowed(Roles.SUPPORT)
    public List<RefundView> ofOrder(@PathParam("orderId") UUID orderId) {
        return Refund.<Refund>list("orderId", Sort.by("createdAt"), orderId).stream().map(RefundView::of).toList();
    }
}
