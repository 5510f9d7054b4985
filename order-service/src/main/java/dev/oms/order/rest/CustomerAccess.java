package dev.oms.order.rest;

import dev.oms.events.Ids;
import dev.oms.order.domain.Order;
import dev.oms.platform.rest.ProblemException;
import dev.oms.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Keeps a caller who is only a customer to their own orders: the token's subject is their email. Support and
 * admin act for any customer. Another customer's order answers 404, so its existence is not revealed.
 */
@ApplicationScoped
public class CustomerAccess {

    private final SecurityIdentity caller;

    public CustomerAccess(SecurityIdentity caller) {
        this.caller = caller;
    }

    /** The email a customer caller is limited to; empty for staff. */
    public Optional<String> restriction() {
        if (caller.hasRole(Roles.SUPPORT) || caller.hasRole(Roles.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(Ids.normalizeEmail(caller.getPrincipal().getName()));
    }

    public void checkMayPlaceFor(String customerEmail) {
        restriction().filter(own -> !own.equals(Ids.normalizeEmail(customerEmail))).ifPresent(own -> {
            throw new ProblemException(403, "Forbidden",
                    "A customer places orders for their own email only (the token's subject)",
                    Map.of("field", "customer.email"));
        });
    }

    /** The customer filter of an order search: a customer's own email, whatever they asked for. */
    public String customerFilter(String requested) {
        Optional<String> own = restriction();
        if (own.isEmpty()) {
            return requested;
        }
        if (requested != null && !requested.isBlank() && !own.get().equals(Ids.normalizeEmail(requested))) {
            throw new ProblemException(403, "Forbidden", "A customer lists their own orders only",
                    Map.of("field", "customer"));
        }
        return own.get();
    }

    public Order checkMayRead(Order order) {
        restriction().filter(own -> !own.equals(order.customerEmail)).ifPresent(own -> {
            throw ProblemException.notFound("order", order.id);
        });
        return order;
    }
}
