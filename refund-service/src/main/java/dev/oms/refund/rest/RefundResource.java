package dev.oms.refund.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.platform.rest.ProblemException;
import dev.oms.refund.domain.Refund;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.UUID;

/** Reading refunds. Requesting them is the refunds issue's work (see README roadmap). */
@Path("/")
public class RefundResource {

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
