package dev.oms.platform.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A request for one order ({@code {orderId}} in its path) logs with that order in its log context. */
public class OrderLogContextFilter {

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        String orderId = request.getUriInfo().getPathParameters().getFirst("orderId");
        if (orderId != null) {
            MDC.put(OrderLogContext.KEY, orderId);
        }
    }

    @ServerResponseFilter
    public void leave(ContainerResponseContext response) {
        MDC.remove(OrderLogContext.KEY);
    }
}
