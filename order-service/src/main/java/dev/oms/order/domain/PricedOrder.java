package dev.oms.order.domain;

import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.RejectionReason;

import java.util.List;

/**
 * An order request checked against the catalog: lines with resolved SKUs and the prices charged, and either no
 * rejection or the reason it cannot be fulfilled. Lines that could not be resolved keep what was requested.
 */
public record PricedOrder(List<OrderLine> lines, Money total, RejectionReason rejection, String rejectionDetail) {

    public boolean rejected() {
        return rejection != null;
    }
}
